#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  main
} from "./chunks/chunk-3LMIBEBK.js";
import {
  processIo
} from "./chunks/chunk-E5Y67JJO.js";
import "./chunks/chunk-QQCKP4CN.js";
import "./chunks/chunk-GKCJ2QSX.js";
import {
  EXIT,
  TrainyardError,
  UsageError,
  describeThrown
} from "./chunks/chunk-BEL2JVQX.js";
import "./chunks/chunk-M6HMHLEN.js";

// src/cli/split-args.ts
function splitArgs(input) {
  const args = [];
  let current = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quote === "'") {
      if (char === "'") quote = null;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === "\\" && (input[i + 1] === '"' || input[i + 1] === "\\")) current += input[++i];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) args.push(current);
      current = "";
      inWord = false;
    } else if (char === "\\" && i + 1 < input.length && /[\s"'\\]/.test(input[i + 1])) {
      current += input[++i];
      inWord = true;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) throw new UsageError(`args: unterminated ${quote === '"' ? "double" : "single"} quote in ${JSON.stringify(input)}`);
  if (inWord) args.push(current);
  return args;
}

// src/cli/action.ts
var io = processIo();
try {
  const command = splitArgs(io.env.TRAINYARD_INPUT_COMMAND ?? "");
  const args = splitArgs(io.env.TRAINYARD_INPUT_ARGS ?? "");
  if (command.length === 0) {
    io.stderr('::error title=trainyard::the "command" input is empty; expected a trainyard command such as "run" or "config check"\n');
    process.exitCode = 2;
  } else {
    process.exitCode = await main([...command, ...args], io);
  }
} catch (error) {
  io.stderr(`::error title=trainyard::${describeThrown(error)}
`);
  process.exitCode = error instanceof TrainyardError ? error.exitCode : EXIT.failure;
}
