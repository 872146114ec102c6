#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  buildProgram,
  main
} from "./chunk-5N2RQFFE.js";
import "./chunk-QQCKP4CN.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-LH7F5O2C.js";
import "./chunk-M6HMHLEN.js";
export {
  buildProgram,
  main
};
