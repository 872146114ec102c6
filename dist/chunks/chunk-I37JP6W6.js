#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  claimOnce
} from "./chunk-W3QHEJVT.js";
import {
  formatNumber
} from "./chunk-W2DRLS5N.js";
import {
  DataError,
  statusOf
} from "./chunk-BEL2JVQX.js";

// src/retrain/plan.ts
import { createHash } from "node:crypto";
var RETRAIN_LABELS = ["trainyard", "trainyard:retrain"];
function retrainBranch(model) {
  return `trainyard/retrain/${model}`;
}
function snapshotKey(report) {
  if (report.current?.sha256) return `sha256:${report.current.sha256.replace(/^sha256:/, "")}`;
  const evidence = {
    current: { source: report.current?.source ?? null, rows: report.current?.rows ?? null },
    columns: report.columns.map((c) => [c.column, c.method ?? null, c.statistic ?? null, c.pValue ?? null])
  };
  return `drift:${createHash("sha256").update(JSON.stringify(evidence)).digest("hex").slice(0, 32)}`;
}
function readLock(text, file = "trainyard.lock") {
  if (!text) return { version: 1, models: {} };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not valid JSON (${error.message}); fix it or restore it from git history`);
  }
  const models = parsed?.models;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || typeof models !== "object" || models === null || Array.isArray(models)) {
    throw new DataError(`${file}: expected {"version": 1, "models": {<model>: {...}}}; fix it or restore it from git history`);
  }
  return { version: 1, models };
}
function planFromEvidence(input) {
  const { evidence } = input;
  const lock = readLock(input.lockText, input.lockFile);
  if (lock.models[input.model]?.dataSnapshot === evidence.key) return null;
  lock.models[input.model] = {
    dataSnapshot: evidence.key,
    reason: evidence.reason,
    detectedAt: input.detectedAt,
    runUrl: input.runUrl,
    drift: evidence.drift,
    ...evidence.performance ? { performance: evidence.performance } : {}
  };
  const sorted = { version: 1, models: Object.fromEntries(Object.entries(lock.models).sort(([a], [b]) => a.localeCompare(b))) };
  return {
    branch: retrainBranch(input.model),
    key: evidence.key,
    lockText: `${JSON.stringify(sorted, null, 2)}
`,
    title: evidence.title,
    body: evidence.body,
    labels: RETRAIN_LABELS,
    commitMessage: `trainyard: retrain ${input.model} on data snapshot ${evidence.key}`
  };
}
function driftEvidence(input) {
  const key = snapshotKey(input.report);
  const drifted = input.report.columns.filter((c) => c.drifted);
  return {
    key,
    reason: "drift",
    title: `Retrain ${input.model}: input data drifted`,
    body: retrainBody(input, key),
    drift: { share: input.report.share, driftShare: input.report.driftShare, columns: drifted.map((c) => c.column) }
  };
}
var num = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
function retrainBody(input, key) {
  const { report } = input;
  const rows = report.columns.map((c) => `| ${c.column} | ${c.method ?? "\u2014"} | ${num(c.statistic)} | ${num(c.pValue)} | ${num(c.threshold)} | ${c.drifted ? "drifted" : "ok"} |`);
  return [
    `<!-- trainyard:retrain:${input.model} -->`,
    `The input data of **${input.model}** drifted: ${Math.round(report.share * 1e3) / 10}% of the columns drifted (the limit is ${Math.round(report.driftShare * 1e3) / 10}%).`,
    "",
    `This pull request records data snapshot \`${key}\` in \`trainyard.lock\` and the retraining workflow runs on its branch; the comparison with the champion appears here when it finishes.`,
    input.runUrl ? `
Drift run: ${input.runUrl}` : "",
    "",
    "| column | test | statistic | p-value | threshold | result |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    ""
  ].join("\n");
}

// src/app/retrain.ts
var LOCK_FILE = "trainyard.lock";
var RETRAIN_WORKFLOW = "trainyard-retrain.yml";
async function readFileAt(repo, path, ref) {
  try {
    const { data } = await repo.octokit.rest.repos.getContent({ owner: repo.owner, repo: repo.repo, path, ref });
    if (Array.isArray(data) || data.type !== "file") return null;
    return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
async function branchHead(repo, branch) {
  try {
    const { data } = await repo.octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
async function dispatchRetraining(repo, { model, ref, reason, snapshot }) {
  await repo.octokit.rest.actions.createWorkflowDispatch({ owner: repo.owner, repo: repo.repo, workflow_id: RETRAIN_WORKFLOW, ref, inputs: { model, reason: reason.slice(0, 200), "data-snapshot": snapshot ?? "" } });
}
async function retrainOnDrift(repo, model, report, runUrl, deps) {
  return retrainWith(repo, model, driftEvidence({ model, report, runUrl }), runUrl, deps.now);
}
async function retrainWith(repo, model, evidence, runUrl, now) {
  const branch = retrainBranch(model);
  const { key } = evidence;
  const unchanged = { action: "unchanged", pullRequest: null, branch, key };
  const { data: info } = await repo.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const base = info.default_branch;
  const baseHead = await branchHead(repo, base);
  if (!baseHead) throw new Error(`the default branch ${base} has no commits`);
  const baseLock = await readFileAt(repo, LOCK_FILE, base);
  if (readLock(baseLock?.text ?? null, `${LOCK_FILE} on ${base}`).models[model]?.dataSnapshot === key) return unchanged;
  if (!await claimOnce(repo, `retrain:${model}:${key}`, baseHead)) return unchanged;
  if (!await branchHead(repo, branch)) {
    try {
      await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha: baseHead });
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
    }
  }
  const branchLock = await readFileAt(repo, LOCK_FILE, branch);
  const lockFile = `${LOCK_FILE} on ${branchLock ? branch : base}`;
  const plan = planFromEvidence({ model, evidence, lockText: branchLock?.text ?? baseLock?.text ?? null, lockFile, runUrl, detectedAt: now().toISOString() });
  if (!plan) return unchanged;
  await repo.octokit.rest.repos.createOrUpdateFileContents({
    owner: repo.owner,
    repo: repo.repo,
    path: LOCK_FILE,
    branch,
    message: plan.commitMessage,
    content: Buffer.from(plan.lockText).toString("base64"),
    ...branchLock ? { sha: branchLock.sha } : {}
  });
  const open = await repo.octokit.paginate(repo.octokit.rest.pulls.list, { owner: repo.owner, repo: repo.repo, state: "open", head: `${repo.owner}:${branch}`, per_page: 100 });
  const existing = open.find((p) => p.head.ref === branch);
  let number;
  if (existing) {
    await repo.octokit.rest.pulls.update({ owner: repo.owner, repo: repo.repo, pull_number: existing.number, title: plan.title, body: plan.body });
    number = existing.number;
  } else {
    const { data } = await repo.octokit.rest.pulls.create({ owner: repo.owner, repo: repo.repo, head: branch, base, title: plan.title, body: plan.body });
    number = data.number;
  }
  await repo.octokit.rest.issues.addLabels({ owner: repo.owner, repo: repo.repo, issue_number: number, labels: plan.labels });
  await dispatchRetraining(repo, { model, ref: branch, reason: evidence.reason, snapshot: key });
  return { action: existing ? "updated" : "opened", pullRequest: number, branch, key };
}

export {
  retrainBranch,
  RETRAIN_WORKFLOW,
  dispatchRetraining,
  retrainOnDrift,
  retrainWith
};
