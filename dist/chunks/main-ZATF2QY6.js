#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  buildProgram,
  main
} from "./chunk-3LMIBEBK.js";
import "./chunk-QQCKP4CN.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";
export {
  buildProgram,
  main
};
