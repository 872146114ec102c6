#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-XYFPJVRK.js";
import "./chunk-UUJXH4UK.js";
import "./chunk-H2KANFQO.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
