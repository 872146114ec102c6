#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-APZ747G7.js";
import "./chunk-DZAE3WIH.js";
import "./chunk-JIQ5TZAE.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
