#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  configSchema,
  explainIssues
} from "./chunk-PL3ZQNPW.js";
import {
  require_dist
} from "./chunk-FA4IZPLS.js";
import {
  ConfigError
} from "./chunk-5WCRJWUQ.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/config/load.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

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
function positionOf(source, path2, keyOf) {
  let node = source.document.contents;
  for (const segment of path2) {
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

// src/config/load.ts
var DEFAULT_CONFIG_PATH = ".github/trainyard.yml";
function parseConfig(text, file) {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === void 0) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "models" key' });
  }
  const result = configSchema.safeParse(source.value);
  if (result.success) return result.data;
  const [first] = explainIssues(configSchema, source.value, result.error.issues);
  if (!first) throw new ConfigError({ file, message: result.error.message });
  const position = positionOf(source, first.unknownKey ? first.path.slice(0, -1) : first.path, first.unknownKey);
  const key = first.path.map(String).join(".") || void 0;
  throw new ConfigError({ file, message: first.message, ...position ? { position } : {}, ...key ? { key } : {} });
}
function projectRootOf(configFile) {
  const folder = path.dirname(path.resolve(configFile));
  return path.basename(folder) === ".github" ? path.dirname(folder) : folder;
}
async function loadConfig(path_, shownAs) {
  const file = shownAs ?? path_;
  let size;
  try {
    const info = await stat(path_);
    if (!info.isFile()) throw new ConfigError({ file, message: "not a file; expected a YAML config file" });
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({ file, message: `cannot read the config (${error.code ?? "error"}); expected a YAML file such as ${DEFAULT_CONFIG_PATH}` });
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const text = await readFile(path_, "utf8");
  return { config: parseConfig(text, file), file, text, root: projectRootOf(path_) };
}

export {
  MAX_CONFIG_BYTES,
  parseYamlSource,
  positionOf,
  DEFAULT_CONFIG_PATH,
  parseConfig,
  loadConfig
};
