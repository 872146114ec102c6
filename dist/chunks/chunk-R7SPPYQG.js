#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  looksLikeProfile,
  readProfile
} from "./chunk-3FNNSOQK.js";
import {
  detectDrift,
  driftTest
} from "./chunk-6HINKL34.js";
import {
  referenceVsCurrentChart
} from "./chunk-DPFEQ3BD.js";
import {
  DataEngine,
  quoteIdentifier,
  readerSql,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import {
  formatNumber
} from "./chunk-W2DRLS5N.js";
import {
  CORRECTIONS
} from "./chunk-QDZFQRV4.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";

// src/report/drift-report.ts
var BUDGET = 6e4;
var CHARTS = 3;
var CHART_BINS = 12;
function severity(column) {
  if (column.status !== "tested" || column.threshold === null) return -1;
  if (column.rule === ">=") return column.threshold === 0 ? Infinity : (column.statistic ?? Infinity) / column.threshold;
  const p = column.pValueAdjusted ?? column.pValue ?? 1;
  return column.threshold / Math.max(p, 1e-300);
}
function number(value) {
  if (value === null || value === void 0) return "\u2014";
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2);
  return formatNumber(value);
}
function verdictText(column) {
  if (column.status !== "tested") return column.note ?? column.status;
  return column.drifted ? "**drift**" : "no drift";
}
function row(column) {
  const p = column.pValueAdjusted !== void 0 ? `${number(column.pValue)} (adj. ${number(column.pValueAdjusted)})` : number(column.pValue);
  const rule = column.rule === null ? "" : column.rule === ">=" ? "\u2265 " : column.rule === "p<" ? "p < " : "p \u2264 ";
  const cells = [column.column, column.kind, column.method ?? "\u2014", number(column.statistic), p, column.threshold === null ? "\u2014" : `${rule}${number(column.threshold)}`, verdictText(column)];
  return `| ${cells.map((cell) => String(cell).replace(/\|/g, "\\|")).join(" | ")} |`;
}
function topBins(distribution) {
  if (distribution.labels.length <= CHART_BINS) return distribution;
  const order = distribution.labels.map((_, i) => i).sort((a, b) => distribution.reference[b] + distribution.current[b] - (distribution.reference[a] + distribution.current[a]));
  const keep = order.slice(0, CHART_BINS - 1).sort((a, b) => a - b);
  const rest = order.slice(CHART_BINS - 1);
  const sum = (values) => rest.reduce((total, i) => total + values[i], 0);
  return {
    labels: [...keep.map((i) => distribution.labels[i]), "other"],
    reference: [...keep.map((i) => distribution.reference[i]), sum(distribution.reference)],
    current: [...keep.map((i) => distribution.current[i]), sum(distribution.current)]
  };
}
function chart(column) {
  const d = topBins(column.distribution);
  const table = ["| bin | reference | current |", "| --- | ---: | ---: |", ...d.labels.map((label, i) => `| ${label.replace(/\|/g, "\\|")} | ${(d.reference[i] * 100).toFixed(1)}% | ${(d.current[i] * 100).toFixed(1)}% |`)];
  return [
    `### ${column.column}`,
    "",
    `${column.description ?? column.method}${column.note ? `; ${column.note}` : ""}. Bars: reference; line: current.`,
    "",
    referenceVsCurrentChart(`${column.column}: reference vs current`, d.labels, d.reference, d.current),
    "",
    ...table
  ].join("\n");
}
function renderDriftReport(result) {
  const sorted = [...result.columns].sort((a, b) => severity(b) - severity(a));
  const headline = result.drifted ? "**Drift detected**" : "**No dataset drift**";
  const correction = result.correction === "none" ? "" : ` P-values corrected with ${result.correction}.`;
  const parts = [
    `# Data drift: ${result.current.source} against ${result.reference.source}`,
    "",
    `${headline}: ${result.driftedColumns} of ${result.tested} tested columns drifted (share ${formatNumber(result.share)}; the dataset drifts at ${formatNumber(result.driftShare)}).${correction}`,
    `Reference: ${result.reference.rows.toLocaleString("en-US")} rows (${result.reference.kind}); current: ${result.current.rows.toLocaleString("en-US")} rows.`,
    ...result.excluded.length > 0 ? [`Left out: ${result.excluded.map((entry) => `\`${entry.column}\` (${entry.reason})`).join(", ")}.`] : [],
    "",
    "| column | kind | method | statistic | p-value | threshold | verdict |",
    "| --- | --- | --- | ---: | ---: | ---: | --- |"
  ];
  let length = parts.join("\n").length;
  let shown = 0;
  for (const column of sorted) {
    const line = row(column);
    if (length + line.length + 200 > BUDGET / 2) break;
    parts.push(line);
    length += line.length + 1;
    shown++;
  }
  if (shown < sorted.length) parts.push("", `\u2026 and ${sorted.length - shown} more columns, in drift.json.`);
  const charted = sorted.filter((c) => c.status === "tested" && c.distribution && c.distribution.labels.length > 0 && (c.drifted || !result.columns.some((d) => d.drifted))).slice(0, CHARTS);
  if (charted.length > 0) parts.push("", `## ${charted.some((c) => c.drifted) ? "Most drifted columns" : "Closest to drifting"}`);
  for (const column of charted) {
    const block = chart(column);
    if (length + block.length + 2 > BUDGET) break;
    parts.push("", block);
    length += block.length + 2;
  }
  return `${parts.join("\n")}
`;
}

// src/drift/json.ts
function driftJson(result) {
  return {
    drifted: result.drifted,
    share: result.share,
    driftShare: result.driftShare,
    correction: result.correction,
    reference: result.reference,
    current: result.current,
    tested: result.tested,
    driftedColumns: result.driftedColumns,
    columns: result.columns.map((column) => {
      const { distribution, ...rest } = column;
      void distribution;
      return rest;
    }),
    excluded: result.excluded
  };
}

// src/drift/options.ts
function pairs(values, option) {
  return values.map((value) => {
    const at = value.lastIndexOf("=");
    if (at <= 0 || at === value.length - 1) throw new UsageError(`${option} ${value}: expected column=value`);
    return [value.slice(0, at), value.slice(at + 1)];
  });
}
function share(value) {
  const parsed = Number(value);
  if (!(parsed > 0 && parsed <= 1)) throw new UsageError(`--drift-share ${value}: expected a number in (0, 1]`);
  return parsed;
}
function resolveDriftOptions(options, cwd, context) {
  const drift = context?.model.drift;
  const methods = { ...drift?.methods ?? {} };
  for (const [column, name] of pairs(options.method, "--method")) methods[column] = driftTest(name).name;
  const thresholds = { ...drift?.thresholds ?? {} };
  for (const [column, value] of pairs(options.threshold, "--threshold")) {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new UsageError(`--threshold ${column}=${value}: expected a non-negative number`);
    thresholds[column] = parsed;
  }
  const correction = options.correction ?? drift?.correction ?? "none";
  if (!CORRECTIONS.includes(correction)) throw new UsageError(`--correction ${correction}: expected one of ${CORRECTIONS.join(", ")}`);
  const columns = options.columns !== void 0 ? options.columns.split(",").map((c) => c.trim()).filter(Boolean) : drift?.columns;
  if (columns !== void 0 && columns.length === 0) throw new UsageError("--columns: expected a comma-separated list of column names");
  const where = context ? `models.${context.name}` : void 0;
  const reference = options.reference ? { paths: options.reference, root: cwd } : context ? { paths: drift?.reference ?? context.model.data.train, root: context.root } : void 0;
  if (!reference) throw new UsageError("no reference: give --reference <data|profile.json>, or --config with a model");
  const current = options.current ? { paths: options.current, root: cwd } : context && (drift?.current ?? context.model.data.production) ? { paths: drift?.current ?? context.model.data.production, root: context.root } : void 0;
  if (!current) throw new UsageError(`no current data: give --current <data>${where ? `, or set ${where}.drift.current or ${where}.data.production` : ""}`);
  return {
    reference,
    current,
    ...columns ? { columns } : {},
    methods,
    thresholds,
    driftShare: options.driftShare !== void 0 ? share(options.driftShare) : drift?.drift_share ?? 0.5,
    correction
  };
}

// src/drift/run-drift.ts
import path from "node:path";
async function load(engine, name, source) {
  await engine.query(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${readerSql(source)}`, source);
  return name;
}
async function referenceSide(engine, { paths: reference, root }) {
  const single = Array.isArray(reference) ? reference.length === 1 ? reference[0] : void 0 : reference;
  if (single !== void 0 && await looksLikeProfile(path.resolve(root, single))) {
    return { kind: "profile", profile: await readProfile(path.resolve(root, single), single), source: single };
  }
  const source = await resolveSource(reference, root);
  return { kind: "data", table: await load(engine, "drift_reference", source), source: source.display, data: source };
}
async function runDrift(request) {
  const engine = await DataEngine.open(request.threads ? { threads: request.threads } : {});
  try {
    const currentSource = await resolveSource(request.current.paths, request.current.root);
    const reference = await referenceSide(engine, request.reference);
    const current = { table: await load(engine, "drift_current", currentSource), source: currentSource.display, data: currentSource };
    return await detectDrift(engine, {
      reference,
      current,
      ...request.columns ? { columns: request.columns } : {},
      ...request.exclude ? { exclude: request.exclude } : {},
      methods: request.methods,
      thresholds: request.thresholds,
      driftShare: request.driftShare,
      correction: request.correction
    });
  } finally {
    engine.close();
  }
}

export {
  renderDriftReport,
  driftJson,
  resolveDriftOptions,
  runDrift
};
