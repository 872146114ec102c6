#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  quoteIdentifier
} from "./chunk-FNE57ZFB.js";

// src/profile/column-kind.ts
var NUMERICAL = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/;
var CATEGORICAL = /^(VARCHAR|BOOLEAN|ENUM.*|UUID)$/;
var DATETIME = /^(DATE|TIME|TIMESTAMP.*|TIMETZ|INTERVAL)/;
function kindOfType(type) {
  const upper = type.toUpperCase();
  if (NUMERICAL.test(upper)) return "numerical";
  if (CATEGORICAL.test(upper)) return "categorical";
  if (DATETIME.test(upper)) return "datetime";
  return "other";
}

// src/profile/column-sql.ts
function valueSql(column, kind) {
  const id = quoteIdentifier(column);
  return kind === "numerical" ? `CAST(${id} AS DOUBLE)` : `CAST(${id} AS VARCHAR)`;
}
function presentSql(kind) {
  return kind === "numerical" ? "v IS NOT NULL AND isfinite(v)" : "v IS NOT NULL";
}

export {
  kindOfType,
  valueSql,
  presentSql
};
