#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  main,
  processIo
} from "./chunks/chunk-AHCIFTRM.js";
import "./chunks/chunk-Q6IDOZ62.js";
import "./chunks/chunk-5GYPTEMT.js";
import "./chunks/chunk-DWJO5JTH.js";

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), processIo());
