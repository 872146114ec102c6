#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/util/hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
function sha256Text(text) {
  return createHash("sha256").update(text).digest("hex");
}

export {
  sha256File,
  sha256Text
};
