#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-JQICJOKC.js";
import "./chunk-TKAXJS6R.js";
import "./chunk-5CZ6U3UH.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
