#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  validateData
} from "./chunk-LVHVS2NH.js";
import {
  loadDataSchema
} from "./chunk-PHKZR6IB.js";
import {
  DataEngine,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import {
  formatNumber
} from "./chunk-W2DRLS5N.js";

// src/validate/render.ts
function percent(fraction) {
  const value = fraction * 100;
  if (value === 0) return "0%";
  return `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)}%`;
}
function showValue(value) {
  return value === null || value === void 0 ? "null" : JSON.stringify(value);
}
function showExample(example) {
  const where = example.row === void 0 ? "" : `${example.file ? `${example.file} ` : ""}row ${example.row}: `;
  return `${where}${showValue(example.value)}`;
}
function subjectOf(failure) {
  if (failure.column !== null) return failure.column;
  if (failure.check === "unique") return `(${failure.name ?? ""})`;
  if (failure.check === "sql") return failure.name ?? "sql";
  return "table";
}
function counted(failure) {
  if (failure.check === "missing_column" || failure.check === "extra_column") return "";
  if (failure.check === "rows") return "";
  return `${formatNumber(failure.failed)} (${percent(failure.fraction)}) `;
}
function failureLine(failure) {
  const examples = failure.examples.length > 0 ? `; e.g. ${failure.examples.map(showExample).join(", ")}` : "";
  return `${subjectOf(failure)} ${failure.check}: ${counted(failure)}expected ${failure.expected}${examples}`;
}
function renderText(result) {
  const head = `${result.data}: ${formatNumber(result.rows)} rows checked against ${result.schema}`;
  if (result.valid) return `${head}: valid
`;
  const lines = result.failures.map((failure) => `  \u2717 ${failureLine(failure)}`);
  return `${head}: ${result.failures.length} failed check${result.failures.length === 1 ? "" : "s"}
${lines.join("\n")}
`;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function renderMarkdown(result) {
  const verdict = result.valid ? "\u2705 valid" : `\u274C ${result.failures.length} failed check${result.failures.length === 1 ? "" : "s"}`;
  const lines = [`## Data validation: ${verdict}`, "", `\`${result.data}\` (${formatNumber(result.rows)} rows) against \`${result.schema}\`.`, ""];
  if (result.valid) return `${lines.join("\n")}
`;
  lines.push("| column | check | failed | share | expected | examples | schema line |", "| --- | --- | ---: | ---: | --- | --- | ---: |");
  for (const failure of result.failures) {
    const examples = failure.examples.map((example) => `\`${showExample(example)}\``).join("<br>");
    const line = failure.position ? String(failure.position.line) : "";
    lines.push(`| ${cell(subjectOf(failure))} | ${failure.check} | ${formatNumber(failure.failed)} | ${percent(failure.fraction)} | ${cell(failure.expected)} | ${cell(examples)} | ${line} |`);
  }
  return `${lines.join("\n")}
`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderAnnotations(result) {
  return result.failures.map((failure) => {
    const properties = [`file=${escapeProperty(result.schema)}`];
    if (failure.position) properties.push(`line=${failure.position.line}`, `col=${failure.position.column}`);
    properties.push(`title=${escapeProperty(`trainyard validate: ${subjectOf(failure)} ${failure.check}`)}`);
    return `::error ${properties.join(",")}::${escapeData(failureLine(failure))}
`;
  }).join("");
}

// src/validate/stage.ts
import path from "node:path";
async function validateStage(request) {
  const { data, root } = request;
  if (!data.schema) return void 0;
  const schema = await loadDataSchema(path.resolve(root, data.schema), data.schema);
  const sets = [["train", data.train]];
  if (data.production) sets.push(["production", data.production]);
  const engine = await DataEngine.open();
  try {
    const validations = [];
    for (const [role, patterns] of sets) {
      const source = await resolveSource(patterns, root);
      validations.push({ role, result: await validateData({ engine, source, schema, root, role }) });
    }
    return {
      model: request.model,
      valid: validations.every((validation) => validation.result.valid),
      validations,
      text: validations.map((validation) => renderText(validation.result)).join(""),
      markdown: validations.map((validation) => renderMarkdown(validation.result)).join("\n")
    };
  } finally {
    engine.close();
  }
}

export {
  renderText,
  renderMarkdown,
  renderAnnotations,
  validateStage
};
