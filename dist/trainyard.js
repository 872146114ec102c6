#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/cli/bin.ts
import module from "node:module";
module.enableCompileCache?.();
var { main } = await import("./chunks/main-ZATF2QY6.js");
var { processIo } = await import("./chunks/io-F5CFNZZ3.js");
process.exitCode = await main(process.argv.slice(2), processIo());
