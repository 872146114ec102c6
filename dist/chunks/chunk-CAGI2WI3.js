#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-BEL2JVQX.js";

// src/validate/write-output.ts
import { rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
async function checkOutputFolder(file, shownAs) {
  const folder = await stat(path.dirname(file)).catch(() => void 0);
  if (!folder?.isDirectory()) throw new UsageError(`${shownAs}: the folder ${path.dirname(shownAs) || "."} does not exist; expected a path in an existing folder`);
}
async function writeWhole(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export {
  checkOutputFolder,
  writeWhole
};
