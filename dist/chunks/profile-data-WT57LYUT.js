#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-YFC2XALF.js";
import "./chunk-GF2N3GRE.js";
import "./chunk-QLXXIRE7.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-B6N3TWPJ.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
