#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-PWI6BAP3.js";
import {
  require_dist
} from "./chunk-FA4IZPLS.js";
import {
  ConfigError
} from "./chunk-5WCRJWUQ.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/util/did-you-mean.ts
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}
function didYouMean(word, known) {
  const normalized = word.toLowerCase().replace(/-/g, "_");
  let best;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(normalized, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return best !== void 0 && bestDistance <= allowed && bestDistance < word.length ? best : void 0;
}

// src/config/zod-issues.ts
function schemaAt(schema, path) {
  let current = unwrap(schema);
  for (const segment of path) {
    if (current instanceof external_exports.ZodObject) current = unwrap(current.shape[String(segment)]);
    else if (current instanceof external_exports.ZodRecord) current = unwrap(current.valueType);
    else if (current instanceof external_exports.ZodArray) current = unwrap(current.element);
    else return void 0;
  }
  return current;
}
function keysAt(schema, path) {
  const current = schemaAt(schema, path);
  return current instanceof external_exports.ZodObject ? Object.keys(current.shape) : [];
}
function unwrap(schema) {
  let current = schema;
  for (; ; ) {
    if (current instanceof external_exports.ZodOptional || current instanceof external_exports.ZodDefault || current instanceof external_exports.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof external_exports.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
}
function describeValue(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function valueAt(root, path) {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[segment];
  }
  return current;
}
var typeWords = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false"
};
function explainIssues(schema, input, issues) {
  const ordered = [...issues].sort((a, b) => Number(b.code === "unrecognized_keys") - Number(a.code === "unrecognized_keys"));
  return ordered.flatMap((issue) => {
    const path = [...issue.path];
    const found = describeValue(valueAt(input, path));
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => {
          const suggestion = didYouMean(key, keysAt(schema, path));
          const hint = suggestion ? `; did you mean "${suggestion}"?` : `; expected one of: ${keysAt(schema, path).join(", ")}`;
          return { path: [...path, key], unknownKey: key, message: `unknown key${hint}` };
        });
      case "invalid_type": {
        const expected = typeWords[issue.expected] ?? issue.expected;
        const message = found === "nothing" ? `missing; expected ${expected}` : `expected ${expected}, got ${found}`;
        return [{ path, message }];
      }
      case "invalid_value":
        return [{ path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${found}` }];
      case "too_small": {
        const what = issue.origin === "array" ? `at least ${String(issue.minimum)} item(s)` : issue.origin === "string" ? "a non-empty string" : `a number ${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}`;
        return [{ path, message: `expected ${what}, got ${found}` }];
      }
      case "too_big": {
        const what = issue.origin === "array" ? `at most ${String(issue.maximum)} item(s)` : `a number ${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}`;
        return [{ path, message: `expected ${what}, got ${found}` }];
      }
      case "invalid_key": {
        const inner = issue.issues[0];
        const rule = inner && inner.code === "invalid_format" && "pattern" in inner ? `a name matching ${String(inner.pattern)}` : "a valid name";
        return [{ path, unknownKey: String(path[path.length - 1]), message: `invalid name ${JSON.stringify(path[path.length - 1])}; expected ${rule}` }];
      }
      case "invalid_union":
        return [{ path, message: `expected ${unionWords(schema, path)}, got ${found}` }];
      case "invalid_format":
        return [{ path, message: `expected ${"pattern" in issue ? `a value matching ${String(issue.pattern)}` : issue.format}, got ${found}` }];
      default:
        return [{ path, message: issue.message }];
    }
  });
}
function unionWords(schema, path) {
  const union = schemaAt(schema, path);
  if (!(union instanceof external_exports.ZodUnion)) return "a different kind of value";
  const words = union.options.map((option) => {
    const inner = unwrap(option);
    if (inner instanceof external_exports.ZodArray) return "a list of them";
    return typeWords[inner?.type ?? ""] ?? inner?.type ?? "a value";
  });
  return words.join(" or ");
}

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
  didYouMean,
  explainIssues,
  MAX_CONFIG_BYTES,
  parseYamlSource,
  positionOf
};
