#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-XWEOO22L.js";
import "./chunk-VYEB5YTH.js";
import "./chunk-WW2ZCV4A.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
