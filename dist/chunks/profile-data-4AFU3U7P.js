#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-5BONQ6IW.js";
import "./chunk-CS5GBOQS.js";
import "./chunk-UUNNKP3W.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-B6N3TWPJ.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
