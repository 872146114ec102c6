#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  main,
  processIo
} from "./chunks/chunk-TGW3YPFB.js";
import "./chunks/chunk-WUMWTPU7.js";

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), processIo());
