#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  MAX_CONFIG_BYTES,
  parseYamlSource,
  positionOf
} from "./chunk-7KOEJRCO.js";
import {
  configSchema
} from "./chunk-3OSXNBZ5.js";
import {
  explainIssues
} from "./chunk-D2FE2DU7.js";
import {
  ConfigError
} from "./chunk-5WCRJWUQ.js";

// src/config/load.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
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
  DEFAULT_CONFIG_PATH,
  parseConfig,
  loadConfig
};
