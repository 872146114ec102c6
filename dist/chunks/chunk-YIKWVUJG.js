#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  docsUrl
} from "./chunk-RSA7L6FG.js";
import {
  typedSql
} from "./chunk-5LA4RBPL.js";
import {
  quoteIdentifier
} from "./chunk-FNE57ZFB.js";
import {
  require_dist
} from "./chunk-FA4IZPLS.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/validate/infer-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
function renderSchemaYaml(schema, data) {
  const document = new import_yaml.Document({ columns: schema.columns });
  const columns = document.get("columns");
  if ((0, import_yaml.isMap)(columns)) {
    for (const item of columns.items) {
      if (!(0, import_yaml.isMap)(item.value)) continue;
      item.value.flow = true;
      for (const rule of item.value.items) {
        if ((0, import_yaml.isScalar)(rule.key) && rule.key.value === "type") continue;
        const values = (0, import_yaml.isSeq)(rule.value) ? rule.value.items : [rule.value];
        for (const value of values) if ((0, import_yaml.isScalar)(value) && typeof value.value === "string") value.type = "QUOTE_DOUBLE";
      }
    }
  }
  const header = [
    `# Data schema inferred by trainyard from ${data} (${schema.rows} rows).`,
    "# min and max are the observed values: widen them where new data may go further.",
    `# Rules: ${docsUrl("validation.md")}. Check data with: trainyard validate --data <file> --schema <this file>`
  ];
  return `${header.join("\n")}
${document.toString({ lineWidth: 0, flowCollectionPadding: true })}`;
}

// src/validate/infer.ts
var CANDIDATES = ["integer", "number", "boolean", "date", "timestamp"];
var MAX_DOMAIN = 100;
var VIEW = "trainyard_infer";
async function inferSchema(engine, source) {
  await engine.register(VIEW, source, { allVarchar: true });
  const names = (await engine.columns(VIEW)).map((column) => column.name);
  const parses = names.flatMap((name, i) => {
    const raw = quoteIdentifier(name);
    return [`count(${raw}) AS p${i}`, ...CANDIDATES.map((type, j) => `count(${typedSql(raw, type)}) AS c${i}_${j}`)];
  });
  const [counts] = await engine.query(`SELECT count(*) AS n, ${parses.join(", ")} FROM ${quoteIdentifier(VIEW)}`, source);
  const rows = Number(counts?.n ?? 0);
  const types = names.map((_, i) => {
    const present = Number(counts?.[`p${i}`] ?? 0);
    const j = CANDIDATES.findIndex((__, k) => present > 0 && Number(counts?.[`c${i}_${k}`]) === present);
    return { present, type: j >= 0 ? CANDIDATES[j] : "string" };
  });
  const facts = names.flatMap((name, i) => {
    const typed = typedSql(quoteIdentifier(name), types[i].type);
    const domain = `CASE WHEN count(DISTINCT ${typed}) <= ${MAX_DOMAIN} THEN list(DISTINCT ${typed} ORDER BY ${typed}) FILTER (WHERE ${typed} IS NOT NULL) END`;
    return [`min(${typed})::VARCHAR AS lo${i}`, `max(${typed})::VARCHAR AS hi${i}`, `count(DISTINCT ${typed}) AS d${i}`, `${types[i].type === "string" ? domain : "NULL"} AS v${i}`];
  });
  const [stats] = names.length === 0 ? [{}] : await engine.query(`SELECT ${facts.join(", ")} FROM ${quoteIdentifier(VIEW)}`, source);
  const columns = {};
  names.forEach((name, i) => {
    columns[name] = ruleOf(types[i].type, { rows, present: types[i].present, stats: stats ?? {}, i });
  });
  return { rows, columns };
}
function ruleOf(type, facts) {
  const { rows, present, stats, i } = facts;
  const rule = { type };
  if (present < rows) rule.nullable = true;
  const lo = stats[`lo${i}`];
  const hi = stats[`hi${i}`];
  if (lo !== null && lo !== void 0 && hi !== null && hi !== void 0 && type !== "string" && type !== "boolean") {
    rule.min = type === "integer" || type === "number" ? Number(lo) : String(lo);
    rule.max = type === "integer" || type === "number" ? Number(hi) : String(hi);
  }
  const distinct = Number(stats[`d${i}`] ?? 0);
  const domain = stats[`v${i}`];
  if (type === "string" && Array.isArray(domain) && domain.length > 0 && distinct * 2 <= present) rule.in = domain.map(String);
  if ((type === "integer" || type === "string") && present > 1 && distinct === present) rule.unique = true;
  return rule;
}

export {
  renderSchemaYaml,
  inferSchema
};
