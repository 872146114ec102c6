#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  processIo
} from "./chunk-E5Y67JJO.js";
import "./chunk-M6HMHLEN.js";
export {
  processIo
};
