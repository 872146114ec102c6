#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-S5G5X5QS.js";
import "./chunk-KXV6EE7S.js";
import "./chunk-PMHM62NO.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-5WCRJWUQ.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
