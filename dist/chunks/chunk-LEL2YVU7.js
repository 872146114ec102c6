#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-FA4IZPLS.js";
import {
  ConfigError
} from "./chunk-LH7F5O2C.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/config/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_CONFIG_BYTES = 1024 * 1024;
var MAX_ALIASES = 100;
function parseYamlSource(text, file) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${bytes} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const lines = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = document.errors[0];
  if (first) {
    const position = first.pos ? toPosition(lines, first.pos[0]) : void 0;
    throw new ConfigError({ file, message: `invalid YAML: ${first.message.split("\n")[0]}`, ...position ? { position } : {} });
  }
  let value;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error && /alias/i.test(error.message) ? `too many YAML aliases (an alias bomb); expected at most ${MAX_ALIASES}` : `invalid YAML: ${String(error)}`;
    throw new ConfigError({ file, message: reason });
  }
  return { file, document, lines, value };
}
function toPosition(lines, offset) {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
function positionOf(source, path, keyOf) {
  let node = source.document.contents;
  for (const segment of path) {
    const next = node?.get?.(segment, true);
    if (next === void 0 || next === null) break;
    node = next;
  }
  if (keyOf !== void 0 && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((item) => (0, import_yaml.isScalar)(item.key) && item.key.value === keyOf);
    if (pair && (0, import_yaml.isScalar)(pair.key) && pair.key.range) return toPosition(source.lines, pair.key.range[0]);
  }
  const range = node?.range;
  return range ? toPosition(source.lines, range[0]) : void 0;
}

export {
  MAX_CONFIG_BYTES,
  parseYamlSource,
  positionOf
};
