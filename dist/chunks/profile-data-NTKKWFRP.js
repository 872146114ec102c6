#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-YNHE5TUZ.js";
import "./chunk-5CSTGXMQ.js";
import "./chunk-2F3C3IVQ.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-B6N3TWPJ.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
