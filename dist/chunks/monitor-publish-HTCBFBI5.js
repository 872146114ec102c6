#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  githubClient,
  runUrlFrom
} from "./chunk-UJ6ERYJ2.js";
import "./chunk-XX3I4QGU.js";
import "./chunk-JG6JLZV2.js";
import {
  retrainBranch,
  retrainWith
} from "./chunk-I37JP6W6.js";
import {
  call,
  createRefIfFree
} from "./chunk-MVOFKLKI.js";
import "./chunk-F24SZCLD.js";
import "./chunk-3YVYLW5U.js";
import "./chunk-W3QHEJVT.js";
import {
  checkModelName
} from "./chunk-TWUAGNDN.js";
import "./chunk-W2DRLS5N.js";
import {
  openConfig
} from "./chunk-BBXHDV2B.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QBY6N5LK.js";
import {
  external_exports
} from "./chunk-POXGZ53D.js";
import "./chunk-EA7JVYYM.js";
import {
  DataError,
  UsageError,
  statusOf
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/monitor-publish.ts
import path from "node:path";

// src/monitor/github/health.ts
import { createHash } from "node:crypto";
var HEALTH_LABELS = ["trainyard", "trainyard:monitoring"];
var healthMarker = (model) => `<!-- trainyard:health:${model} -->`;
var healthTitle = (model) => `Model health: ${model}`;
var alertMarker = (model, digest) => `<!-- trainyard:monitoring-alert:${model}:${digest} -->`;
var CHART_CHUNKS = 26;
var TABLE_CHUNKS = 12;
var round = (value) => Math.round(value * 1e4) / 1e4;
var show = (value) => value === null || value === void 0 ? "\u2014" : String(round(value));
var day = (iso) => iso.slice(0, 10);
var hour = (iso) => iso.slice(0, 16).replace("T", " ");
function chunkLabel(record) {
  return record.chunking === "hour" ? hour(record.start) : day(record.start);
}
var alertKey = (alert2) => `${alert2.kind}:${alert2.metric}`;
function band(alert2) {
  if (alert2.lower !== null && alert2.upper !== null) return `[${show(alert2.lower)}, ${show(alert2.upper)}]`;
  if (alert2.lower !== null) return `\u2265 ${show(alert2.lower)}`;
  if (alert2.upper !== null) return `\u2264 ${show(alert2.upper)}`;
  return "\u2014";
}
function alertCell(alerts) {
  if (alerts.length === 0) return "0";
  const named = alerts.slice(0, 3).map((a) => `${a.kind} ${a.metric}`).join(", ");
  return alerts.length > 3 ? `${named} and ${alerts.length - 3} more` : named;
}
function alertTable(rows) {
  return ["| chunk | kind | metric | value | band |", "| --- | --- | --- | --- | --- |", ...rows.map(({ chunk: chunk2, alert: alert2 }) => `| ${chunk2} | ${alert2.kind} | ${alert2.metric} | ${show(alert2.value)} | ${band(alert2)} |`)];
}
function knownBand(records, kind, metric) {
  for (let i = records.length - 1; i >= 0; i--) {
    const alert2 = records[i].alerts.find((a) => a.kind === kind && a.metric === metric && (a.lower !== null || a.upper !== null));
    if (alert2) return { lower: alert2.lower, upper: alert2.upper };
  }
  return null;
}
var quote = (text) => `"${text.replace(/"/g, "'")}"`;
function leading(values) {
  const out = [];
  for (const value of values) {
    if (typeof value !== "number" || !Number.isFinite(value)) break;
    out.push(round(value));
  }
  return out;
}
function metricChart(records, metric) {
  const realized = leading(records.map((r) => r.realized?.[metric]));
  const estimated = leading(records.map((r) => r.estimated?.[metric]));
  if (realized.length === 0 && estimated.length === 0) return null;
  const lines = [];
  if (realized.length > 0) lines.push({ name: "realized", values: realized });
  if (estimated.length > 0) lines.push({ name: "estimated", values: estimated });
  const bandOf = knownBand(records, "estimated", metric) ?? knownBand(records, "realized", metric);
  if (bandOf?.lower !== null && bandOf?.lower !== void 0) lines.push({ name: "lower", values: records.map(() => round(bandOf.lower)) });
  if (bandOf?.upper !== null && bandOf?.upper !== void 0) lines.push({ name: "upper", values: records.map(() => round(bandOf.upper)) });
  const all = lines.flatMap((l) => l.values);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.05 || 0.05;
  return [
    `**${metric}**: ${lines.map((l) => l.name).join(", ")} (in this order)`,
    "",
    "```mermaid",
    "xychart-beta",
    `  title ${quote(metric)}`,
    `  x-axis [${records.map((r) => quote(chunkLabel(r))).join(", ")}]`,
    `  y-axis ${quote(metric)} ${round(low - pad)} --> ${round(high + pad)}`,
    ...lines.map((l) => `  line [${l.values.join(", ")}]`),
    "```",
    ""
  ];
}
function metricNames(records) {
  const names = /* @__PURE__ */ new Set();
  for (const r of records) for (const values of [r.realized, r.estimated]) for (const name of Object.keys(values ?? {})) names.add(name);
  return [...names];
}
var MAX_BODY = 6e4;
var MAX_ALERT_ROWS = 100;
function healthBody(input) {
  const full = renderHealth(input, true);
  return full.length <= MAX_BODY ? full : renderHealth(input, false);
}
function renderHealth(input, quietCharts) {
  const { model, records } = input;
  const latest = records.at(-1);
  const out = [healthMarker(model), `## ${model} in production`, ""];
  if (!latest) return [...out, "No monitoring chunk recorded yet.", ""].join("\n");
  const status = latest.alerts.length === 0 ? "no alert" : `**${latest.alerts.length} alert${latest.alerts.length === 1 ? "" : "s"}**`;
  out.push(
    `Latest chunk ${chunkLabel(latest)} (${latest.chunking}, until ${hour(latest.end)} UTC): ${status}; ${latest.rows} rows, ${latest.labelled} with labels${latest.version ? `, version ${latest.version}` : ""}${latest.runUrl ? `, [run](${latest.runUrl})` : ""}.`,
    ""
  );
  if (input.retraining) out.push(`Retraining: #${input.retraining.number}`, "");
  out.push("### Latest alerts", "");
  if (latest.alerts.length === 0) out.push("None in the latest chunk.", "");
  else out.push(...alertTable(latest.alerts.map((alert2) => ({ chunk: chunkLabel(latest), alert: alert2 }))), "");
  const window = records.slice(-CHART_CHUNKS);
  const alerted = new Set(window.flatMap((r) => r.alerts.map((a) => a.metric)));
  const names = metricNames(window);
  const charts = names.map((name) => ({ name, chart: metricChart(window, name) })).filter((c) => c.chart !== null);
  if (charts.length > 0) {
    out.push(`### Metrics over the last ${window.length} chunk${window.length === 1 ? "" : "s"}`, "", "A realized line stops at the first chunk without labels; the table below has every value.", "");
    for (const { chart } of charts.filter((c) => alerted.has(c.name))) out.push(...chart);
    const quiet = charts.filter((c) => !alerted.has(c.name));
    if (quiet.length > 0 && quietCharts) out.push("<details><summary>Metrics without alerts</summary>", "", ...quiet.flatMap((c) => c.chart), "</details>", "");
    else if (quiet.length > 0) out.push(`Metrics without alerts (charts left out for length): ${quiet.map((c) => c.name).join(", ")}.`, "");
  }
  const primary = names[0];
  const recent = records.slice(-TABLE_CHUNKS).reverse();
  out.push(
    "### Chunks",
    "",
    `| chunk | rows | labelled |${primary ? ` realized ${primary} | estimated ${primary} |` : ""} drift share | alerts | run |`,
    `| --- | --- | --- |${primary ? " --- | --- |" : ""} --- | --- | --- |`,
    ...recent.map((r) => `| ${chunkLabel(r)} | ${r.rows} | ${r.labelled} |${primary ? ` ${show(r.realized?.[primary])} | ${show(r.estimated?.[primary])} |` : ""} ${show(r.drift.share)} | ${alertCell(r.alerts)} | ${r.runUrl ? `[run](${r.runUrl})` : "\u2014"} |`),
    ""
  );
  const runs = [...new Set(records.map((r) => r.runUrl).filter((u) => !!u))].slice(-10).reverse();
  if (runs.length > 0) out.push("### Runs", "", ...runs.map((u) => `- ${u}`), "");
  out.push(`History: branch \`trainyard-monitoring\`, file \`${model}.jsonl\`. This issue is kept current by \`trainyard monitor-publish\`; edits to it are overwritten.`, "");
  return out.join("\n");
}
function newAlerts(previous, incoming, keyOf) {
  const before = new Map(previous.map((r) => [keyOf(r), new Set(r.alerts.map(alertKey))]));
  return incoming.flatMap((record) => {
    const known = before.get(keyOf(record)) ?? /* @__PURE__ */ new Set();
    return record.alerts.filter((a) => !known.has(alertKey(a))).map((alert2) => ({ record, alert: alert2 }));
  });
}
function alertDigest(model, alerts) {
  const keys = alerts.map(({ record, alert: alert2 }) => `${record.chunking}|${record.start}|${alertKey(alert2)}`).sort();
  return createHash("sha256").update(`${model}
${keys.join("\n")}`).digest("hex").slice(0, 16);
}
function mention(login) {
  return login.startsWith("@") ? login : `@${login}`;
}
function alertComment(model, alerts, notify, runUrl) {
  const people = notify.map(mention).join(" ");
  return [
    alertMarker(model, alertDigest(model, alerts)),
    `${people ? `${people}: ` : ""}**${model}** has ${alerts.length} new monitoring alert${alerts.length === 1 ? "" : "s"}${runUrl ? ` ([run](${runUrl}))` : ""}.`,
    "",
    ...alertTable(alerts.slice(-MAX_ALERT_ROWS).map(({ record, alert: alert2 }) => ({ chunk: chunkLabel(record), alert: alert2 }))),
    ...alerts.length > MAX_ALERT_ROWS ? ["", `The ${MAX_ALERT_ROWS} latest are listed; ${alerts.length - MAX_ALERT_ROWS} earlier ones are in the history.`] : [],
    ""
  ].join("\n");
}
function degradations(records, after) {
  if (after < 1) return [];
  const found = [];
  const names = metricNames(records);
  for (const kind of ["realized", "estimated"]) {
    for (const metric of names) {
      const run = [];
      for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        const value = record[kind]?.[metric];
        if (value === null || value === void 0) continue;
        const alert2 = record.alerts.find((a) => a.kind === kind && a.metric === metric);
        if (!alert2) break;
        run.unshift({ record, alert: alert2 });
      }
      if (run.length >= after) found.push({ kind, metric, chunks: run });
    }
  }
  return found.sort((a, b) => a.chunks[0].record.start.localeCompare(b.chunks[0].record.start) || a.kind.localeCompare(b.kind) || a.metric.localeCompare(b.metric));
}
function degradationKey(model, d) {
  const since = d.chunks[0].record;
  return `performance:${createHash("sha256").update(`${model}|${d.kind}|${d.metric}|${since.chunking}|${since.start}`).digest("hex").slice(0, 32)}`;
}
function retrainEvidenceBody(model, found, after, links) {
  const first = found[0];
  const tables = found.flatMap((d) => [
    `**${d.kind} ${d.metric}**, out of its band for ${d.chunks.length} consecutive chunks (the limit is ${after}):`,
    "",
    ...alertTable(d.chunks.map(({ record, alert: alert2 }) => ({ chunk: chunkLabel(record), alert: alert2 }))),
    ""
  ]);
  return [
    `<!-- trainyard:retrain:${model} -->`,
    `The performance of **${model}** in production dropped: ${first.kind} ${first.metric} has been outside its band since the chunk of ${chunkLabel(first.chunks[0].record)}.`,
    "",
    `This pull request records the evidence in \`trainyard.lock\` and the retraining workflow runs on its branch; the comparison with the champion appears here when it finishes.`,
    links.runUrl ? `
Monitoring run: ${links.runUrl}` : "",
    links.healthIssue ? `Model health: #${links.healthIssue}` : "",
    "",
    ...tables
  ].join("\n");
}

// src/monitor/github/history.ts
var HISTORY_BRANCH = "trainyard-monitoring";
var historyFile = (model) => `${model}.jsonl`;
var recordKey = (record) => `${record.chunking}|${record.start}|${record.end}`;
function parseHistory(text, file) {
  const records = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new DataError(`${file}:${index + 1}: invalid JSON (${error.message}); expected one chunk record per line`);
    }
    const record = parsed;
    if (!record || typeof record.start !== "string" || typeof record.end !== "string" || typeof record.chunking !== "string" || !Array.isArray(record.alerts)) {
      throw new DataError(`${file}:${index + 1}: expected a chunk record with start, end, chunking and alerts`);
    }
    records.push(record);
  });
  return records;
}
function renderHistory(records) {
  return records.map((r) => `${JSON.stringify(r)}
`).join("");
}
var byTime = (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.chunking.localeCompare(b.chunking);
function toRecords(result, meta) {
  return result.chunks.map((chunk2) => ({ model: result.model, chunking: result.chunking, ...chunk2, version: meta.version, runUrl: meta.runUrl, recordedAt: meta.recordedAt }));
}
function mergeHistory(previous, incoming) {
  const merged = new Map(previous.map((r) => [recordKey(r), r]));
  for (const record of incoming) merged.set(recordKey(record), record);
  return [...merged.values()].sort(byTime);
}
async function readHistoryFile(context, branch, file) {
  const { octokit, owner, repo } = context;
  let head;
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    head = data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return { head: null, tree: null, text: null };
    return call(context, `reading branch ${branch}`, () => Promise.reject(error));
  }
  const { data: commit } = await call(context, `reading ${branch} at ${head.slice(0, 7)}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: head }));
  const { data: tree } = await call(context, `reading the tree of ${branch}`, () => octokit.rest.git.getTree({ owner, repo, tree_sha: commit.tree.sha }));
  const entry = tree.tree.find((e) => e.path === file && e.type === "blob");
  if (!entry?.sha) return { head, tree: commit.tree.sha, text: null };
  const { data: blob } = await call(context, `reading ${branch}:${file}`, () => octokit.rest.git.getBlob({ owner, repo, file_sha: entry.sha }));
  return { head, tree: commit.tree.sha, text: Buffer.from(blob.content, blob.encoding === "base64" ? "base64" : "utf8").toString("utf8") };
}
async function writeHistoryFile(context, branch, file, state, text, message) {
  const { octokit, owner, repo } = context;
  const { data: blob } = await call(context, `writing ${file} to ${branch}`, () => octokit.rest.git.createBlob({ owner, repo, content: Buffer.from(text).toString("base64"), encoding: "base64" }));
  const { data: tree } = await call(
    context,
    `writing the tree of ${branch}`,
    () => octokit.rest.git.createTree({ owner, repo, ...state.tree ? { base_tree: state.tree } : {}, tree: [{ path: file, mode: "100644", type: "blob", sha: blob.sha }] })
  );
  const { data: commit } = await call(context, `committing to ${branch}`, () => octokit.rest.git.createCommit({ owner, repo, message, tree: tree.sha, parents: state.head ? [state.head] : [] }));
  if (!state.head) return createRefIfFree(context, `heads/${branch}`, commit.sha);
  try {
    await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
    return true;
  } catch (error) {
    if (statusOf(error) === 422) return false;
    return call(context, `moving ${branch}`, () => Promise.reject(error));
  }
}
async function updateHistory(context, branch, model, incoming, message, attempts = 4) {
  const file = historyFile(model);
  for (let attempt = 1; ; attempt++) {
    const state = await readHistoryFile(context, branch, file);
    const previous = state.text === null ? [] : parseHistory(state.text, `${branch}:${file}`);
    const merged = mergeHistory(previous, incoming);
    const text = renderHistory(merged);
    if (text === (state.text ?? "")) return { previous, merged, commit: false };
    if (await writeHistoryFile(context, branch, file, state, text, message)) return { previous, merged, commit: true };
    if (attempt >= attempts) throw new DataError(`${context.location}: branch ${branch} kept moving while ${file} was written (${attempts} attempts); run again`, { exitCode: 1 });
  }
}

// src/monitor/github/publish.ts
var DEFAULT_RETRAIN_AFTER = 3;
function checkOptions(options) {
  const retrainAfter = options.retrainAfter ?? DEFAULT_RETRAIN_AFTER;
  if (!Number.isInteger(retrainAfter) || retrainAfter < 0) throw new UsageError(`monitoring.retrain_after: ${retrainAfter} is not usable; expected a whole number of chunks (0 turns retraining off)`);
  const notify = options.notify ?? [];
  for (const who of notify) {
    if (!/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/.test(who)) throw new UsageError(`monitoring.notify: "${who}" is not a GitHub login or @org/team`);
  }
  return { notify, retrainAfter };
}
async function findHealthIssue(context, model) {
  const { octokit, owner, repo } = context;
  const marker = healthMarker(model);
  const issues = await call(
    context,
    `listing the health issues`,
    () => octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: HEALTH_LABELS[1], state: "all", per_page: 100 })
  );
  const own = issues.filter((i) => !i.pull_request && (i.body ?? "").startsWith(marker)).sort((a, b) => a.number - b.number)[0];
  return own ? { number: own.number, body: own.body ?? "", state: own.state, title: own.title, url: own.html_url } : null;
}
async function openRetrainingPull(context, model) {
  const { octokit, owner, repo } = context;
  const branch = retrainBranch(model);
  const open = await call(context, `listing the pull requests of ${branch}`, () => octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: "open", head: `${owner}:${branch}`, per_page: 100 }));
  const pull = open.find((p) => p.head.ref === branch);
  return pull ? { number: pull.number, url: pull.html_url } : null;
}
async function upsertHealthIssue(context, model, body, alerting) {
  const { octokit, owner, repo } = context;
  const found = await findHealthIssue(context, model);
  if (!found) {
    const { data } = await call(context, `creating the health issue of ${model}`, () => octokit.rest.issues.create({ owner, repo, title: healthTitle(model), body, labels: HEALTH_LABELS }));
    return { number: data.number, action: "created", url: data.html_url };
  }
  const reopen = alerting && found.state === "closed";
  if (found.body === body && found.title === healthTitle(model) && !reopen) return { number: found.number, action: "unchanged", url: found.url };
  await call(
    context,
    `updating health issue #${found.number}`,
    () => octokit.rest.issues.update({ owner, repo, issue_number: found.number, title: healthTitle(model), body, ...reopen ? { state: "open" } : {} })
  );
  return { number: found.number, action: "updated", url: found.url };
}
async function commentOnce(context, issue, marker, body) {
  const { octokit, owner, repo } = context;
  const comments = await call(context, `reading the comments of #${issue}`, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 }));
  if (comments.some((c) => (c.body ?? "").startsWith(marker))) return null;
  const { data } = await call(context, `commenting on #${issue}`, () => octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }));
  return data.id;
}
async function publishMonitoring(octokit, target, result, options = {}) {
  const model = checkModelName(result.model);
  const { notify, retrainAfter } = checkOptions(options);
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const runUrl = options.runUrl ?? null;
  const branch = options.branch ?? HISTORY_BRANCH;
  const context = { octokit, owner: target.owner, repo: target.repo, location: `github:${target.owner}/${target.repo}` };
  const file = historyFile(model);
  const incoming = toRecords(result, { version: options.version ?? null, runUrl, recordedAt: now().toISOString() });
  const state = await readHistoryFile(context, branch, file);
  const previous = state.text === null ? [] : parseHistory(state.text, `${branch}:${file}`);
  const merged = mergeHistory(previous, incoming).filter((r) => r.chunking === result.chunking);
  let retraining = null;
  const found = degradations(merged, retrainAfter);
  let health = await findHealthIssue(context, model);
  const createdFirst = found.length > 0 && health === null;
  if (createdFirst) health = await upsertHealthIssue(context, model, healthBody({ model, records: merged, retraining: null }), true);
  if (found.length > 0) {
    const first = found[0];
    const evidence = {
      key: degradationKey(model, first),
      reason: "performance",
      title: `Retrain ${model}: ${first.kind} ${first.metric} out of its band for ${first.chunks.length} chunks`,
      body: retrainEvidenceBody(model, found, retrainAfter, { runUrl, healthIssue: health?.number ?? null }),
      drift: null,
      performance: { kind: first.kind, metric: first.metric, chunks: first.chunks.length, since: first.chunks[0].record.start }
    };
    retraining = await call(context, `opening the retraining pull request of ${model}`, () => retrainWith({ octokit, owner: target.owner, repo: target.repo }, model, evidence, runUrl, now));
  }
  const pull = found.length > 0 ? await openRetrainingPull(context, model) : null;
  const latest = merged.at(-1);
  const upserted = await upsertHealthIssue(context, model, healthBody({ model, records: merged, retraining: pull }), (latest?.alerts.length ?? 0) > 0);
  const issue = createdFirst ? { ...upserted, action: "created" } : upserted;
  let comment = null;
  const fresh = newAlerts(previous, incoming, recordKey);
  if (fresh.length > 0) {
    const id = await commentOnce(context, issue.number, alertMarker(model, alertDigest(model, fresh)), alertComment(model, fresh, notify, runUrl));
    if (id !== null) comment = { id, alerts: fresh.length };
  }
  const written = await updateHistory(context, branch, model, incoming, `trainyard monitor: ${model}, ${incoming.length} chunk${incoming.length === 1 ? "" : "s"}${runUrl ? ` (${runUrl})` : ""}`);
  return { history: { branch, file, chunks: written.merged.length, written: written.commit }, issue, alertComment: comment, retraining };
}

// src/monitor/result-file.ts
import { readFile } from "node:fs/promises";
var metricValues = external_exports.record(external_exports.string(), external_exports.number().nullable());
var alert = external_exports.looseObject({
  kind: external_exports.enum(["realized", "estimated", "drift", "quality", "latency"]),
  metric: external_exports.string(),
  value: external_exports.number().nullable(),
  lower: external_exports.number().nullable(),
  upper: external_exports.number().nullable()
});
var chunk = external_exports.looseObject({
  start: external_exports.string(),
  end: external_exports.string(),
  rows: external_exports.number().int().min(0),
  labelled: external_exports.number().int().min(0),
  realized: metricValues.nullable(),
  estimated: metricValues.nullable(),
  latency: external_exports.looseObject({ p50: external_exports.number(), p95: external_exports.number(), p99: external_exports.number() }).nullable(),
  drift: external_exports.looseObject({
    drifted: external_exports.boolean(),
    share: external_exports.number(),
    columns: external_exports.array(external_exports.looseObject({ column: external_exports.string(), method: external_exports.string(), statistic: external_exports.number().nullable(), drifted: external_exports.boolean() }))
  }),
  quality: external_exports.looseObject({ failures: external_exports.number().int().min(0) }),
  alerts: external_exports.array(alert)
});
var monitorResultSchema = external_exports.looseObject({
  model: external_exports.string(),
  chunking: external_exports.string(),
  reference: external_exports.looseObject({ rows: external_exports.number(), chunks: external_exports.number() }),
  chunks: external_exports.array(chunk),
  alerts: external_exports.array(alert)
});
function parseMonitorResult(text, file) {
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON (${error.message}); expected the output of trainyard monitor --json`);
  }
  const parsed = monitorResultSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}; expected the output of trainyard monitor --json`);
  }
  return parsed.data;
}
async function readMonitorResult(file, shown) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`${shown}: cannot read it (${error.code ?? String(error)}); expected the output of trainyard monitor --json`);
  }
  return parseMonitorResult(text, shown);
}

// src/cli/commands/monitor-publish.ts
var collect = (value, previous) => [...previous, ...value.split(",").map((v) => v.trim()).filter(Boolean)];
function repository(io, given) {
  const text = given ?? io.env.GITHUB_REPOSITORY;
  if (!text) throw new UsageError("--repo is not given and GITHUB_REPOSITORY is not set; expected owner/name");
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(text);
  if (!match) throw new UsageError(`${given ? "--repo" : "GITHUB_REPOSITORY"}: "${text}" is not owner/name`);
  return { owner: match[1], repo: match[2] };
}
async function monitoringConfig(io, file, model) {
  const { config } = await openConfig(io, file);
  const entry = config.models[model];
  if (!entry) throw new UsageError(`--config ${file}: has no model "${model}" (the result's model); it has: ${Object.keys(config.models).join(", ")}`);
  return entry.monitoring;
}
function registerMonitorPublish(program, io, setExit) {
  program.command("monitor-publish").description("Publish a trainyard monitor --json result on GitHub: history on a data branch, the model health issue, one comment per new alert, and the retraining pull request after consecutive out-of-band chunks.").requiredOption("--result <monitor.json>", "the output of trainyard monitor --json").option("--repo <owner/name>", "the repository (default: GITHUB_REPOSITORY)").option("--run-url <url>", "the run that computed the result, linked from the history, issue and comments (default: this workflow run)").option("--model-version <v>", "the model version in production, recorded with each chunk").option("--notify <login>", "a GitHub login or @org/team mentioned on new alerts (repeatable, or comma-separated)", collect, []).option("--retrain-after <n>", `consecutive chunks a realized or estimated metric must stay out of its band to open the retraining pull request; 0 never (default: monitoring.retrain_after, else ${DEFAULT_RETRAIN_AFTER})`).option("-c, --config <file>", "a trainyard config whose models.<model>.monitoring gives notify and retrain_after when the options do not").option("--branch <name>", "the data branch holding the history", HISTORY_BRANCH).option("--json", "print what was done as JSON").action(async (options) => {
    if (options.retrainAfter !== void 0 && !/^\d+$/.test(options.retrainAfter)) throw new UsageError(`--retrain-after: "${options.retrainAfter}" is not a whole number of chunks`);
    const target = repository(io, options.repo);
    const result = await readMonitorResult(path.resolve(io.cwd, options.result), options.result);
    const configured = options.config === void 0 ? void 0 : await monitoringConfig(io, options.config, result.model);
    const retrainAfter = options.retrainAfter !== void 0 ? Number(options.retrainAfter) : configured?.retrain_after ?? DEFAULT_RETRAIN_AFTER;
    const notify = options.notify.length > 0 ? options.notify : configured?.notify ?? [];
    const octokit = githubClient(io, "trainyard monitor-publish needs a token with contents, issues and pull-requests: write (and actions: write to start retraining)");
    const outcome = await publishMonitoring(octokit, target, result, {
      notify,
      retrainAfter,
      runUrl: options.runUrl ?? runUrlFrom(io.env),
      version: options.modelVersion ?? null,
      branch: options.branch,
      now: io.now
    });
    if (options.json) {
      io.stdout(`${JSON.stringify(outcome, null, 2)}
`);
    } else {
      io.stdout(`history: ${outcome.history.branch}:${outcome.history.file}, ${outcome.history.chunks} chunks${outcome.history.written ? "" : " (unchanged)"}
`);
      io.stdout(`health issue #${outcome.issue.number} ${outcome.issue.action}: ${outcome.issue.url}
`);
      io.stdout(outcome.alertComment ? `alert comment posted for ${outcome.alertComment.alerts} new alert(s)
` : "no new alert\n");
      if (outcome.retraining) io.stdout(`retraining pull request ${outcome.retraining.pullRequest === null ? `on ${outcome.retraining.branch}` : `#${outcome.retraining.pullRequest}`} ${outcome.retraining.action}
`);
    }
    setExit(0);
  });
}
export {
  registerMonitorPublish
};
