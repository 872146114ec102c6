#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  quoteLiteral
} from "./chunk-FNE57ZFB.js";

// src/validate/column-sql.ts
function typedSql(raw, type) {
  switch (type) {
    case "string":
      return raw;
    case "integer":
      return `CASE WHEN TRY_CAST(${raw} AS BIGINT)::VARCHAR = ${raw} OR regexp_full_match(${raw}, '\\s*[+-]?[0-9]+\\s*') THEN TRY_CAST(${raw} AS BIGINT) END`;
    case "number":
      return `TRY_CAST(${raw} AS DOUBLE)`;
    case "boolean":
      return `TRY_CAST(${raw} AS BOOLEAN)`;
    case "date":
      return `CASE WHEN length(trim(${raw})) <= 10 THEN TRY_CAST(${raw} AS DATE) END`;
    case "timestamp":
      return `TRY_CAST(${raw} AS TIMESTAMP)`;
  }
}
function literalSql(type, value) {
  switch (type) {
    case "integer":
    case "boolean":
      return String(value);
    case "number":
      return `${String(value)}::DOUBLE`;
    case "string":
      return quoteLiteral(String(value));
    case "date":
      return `DATE ${quoteLiteral(String(value))}`;
    case "timestamp":
      return `TIMESTAMP ${quoteLiteral(String(value))}`;
  }
}
function integerRange(values) {
  if (!values.every((value) => typeof value === "number" && Number.isSafeInteger(value))) return void 0;
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const [lo, hi] = [distinct[0], distinct.at(-1)];
  return hi - lo + 1 === distinct.length ? [lo, hi] : void 0;
}
var TYPE_WORDS = {
  string: "text",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  date: "a date (YYYY-MM-DD)",
  timestamp: "a timestamp (YYYY-MM-DD hh:mm:ss)"
};
function valueChecks(rule, raw, typed) {
  const checks = [];
  const show = (value) => typeof value === "string" ? JSON.stringify(value) : String(value);
  if (rule.type !== "string") checks.push({ check: "type", failing: `${raw} IS NOT NULL AND ${typed} IS NULL`, expected: TYPE_WORDS[rule.type] });
  if (rule.min !== void 0) checks.push({ check: "min", failing: `${typed} < ${literalSql(rule.type, rule.min)}`, expected: `>= ${show(rule.min)}` });
  if (rule.max !== void 0) checks.push({ check: "max", failing: `${typed} > ${literalSql(rule.type, rule.max)}`, expected: `<= ${show(rule.max)}` });
  if (rule.in !== void 0) {
    const list = rule.in.map((value) => literalSql(rule.type, value)).join(", ");
    const range = rule.type === "integer" ? integerRange(rule.in) : void 0;
    const failing = range ? `${typed} NOT BETWEEN ${range[0]} AND ${range[1]}` : `${typed} NOT IN (${list})`;
    checks.push({ check: "in", failing, expected: `one of ${rule.in.map(show).join(", ")}` });
  }
  if (rule.pattern !== void 0) {
    checks.push({ check: "pattern", failing: `NOT regexp_matches(${raw}::VARCHAR, ${quoteLiteral(rule.pattern)})`, expected: `matches /${rule.pattern}/` });
  }
  return checks;
}

export {
  typedSql,
  valueChecks
};
