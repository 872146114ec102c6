/**
 * The retraining plan for one model: the snapshot key, the new `trainyard.lock`, and the
 * pull request's title, body and labels. Two kinds of evidence lead here: drift (the key
 * is the current data's digest when drift.json carries one, else a digest of the drift
 * evidence: the current data's source and size and every column's statistic) and a
 * performance drop seen by monitoring (the key names the run of out-of-band chunks). The
 * same evidence gives the same key, and a key already in the lock triggers nothing.
 */
import { createHash } from 'node:crypto';
import { DataError } from '../errors.ts';
import { formatNumber } from '../util/format.ts';
import type { DriftReport } from './drift-report.ts';

export const RETRAIN_LABELS = ['trainyard', 'trainyard:retrain'];

export function retrainBranch(model: string): string {
  return `trainyard/retrain/${model}`;
}

export interface LockEntry {
  dataSnapshot: string;
  reason: string;
  detectedAt: string;
  runUrl: string | null;
  drift: { share: number; driftShare: number; columns: string[] } | null;
  /** A performance drop: the metric out of its band and the chunks it stayed out for. */
  performance?: { kind: string; metric: string; chunks: number; since: string } | null;
}

export interface LockFile {
  version: 1;
  models: Record<string, LockEntry>;
}

export function snapshotKey(report: DriftReport): string {
  if (report.current?.sha256) return `sha256:${report.current.sha256.replace(/^sha256:/, '')}`;
  const evidence = {
    current: { source: report.current?.source ?? null, rows: report.current?.rows ?? null },
    columns: report.columns.map((c) => [c.column, c.method ?? null, c.statistic ?? null, c.pValue ?? null]),
  };
  return `drift:${createHash('sha256').update(JSON.stringify(evidence)).digest('hex').slice(0, 32)}`;
}

/**
 * Parses trainyard.lock (`file` names it in errors); no lock yet is an empty one. A lock
 * that does not parse is a DataError, never replaced: it holds every model's snapshot,
 * and a fresh lock would drop the others'.
 */
export function readLock(text: string | null, file = 'trainyard.lock'): LockFile {
  if (!text) return { version: 1, models: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not valid JSON (${(error as Error).message}); fix it or restore it from git history`);
  }
  const models = (parsed as Partial<LockFile> | null)?.models;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof models !== 'object' || models === null || Array.isArray(models)) {
    throw new DataError(`${file}: expected {"version": 1, "models": {<model>: {...}}}; fix it or restore it from git history`);
  }
  return { version: 1, models };
}

export interface RetrainPlan {
  branch: string;
  key: string;
  lockText: string;
  title: string;
  body: string;
  labels: string[];
  commitMessage: string;
}

export interface PlanInput {
  model: string;
  report: DriftReport;
  lockText: string | null;
  runUrl: string | null;
  detectedAt: string;
}

/** Why a model should be retrained: the lock's key and entry details, and the pull request's text. */
export interface RetrainEvidence {
  key: string;
  reason: 'drift' | 'performance';
  title: string;
  /** The pull request body; it starts with the model's retrain marker. */
  body: string;
  drift: LockEntry['drift'];
  performance?: LockEntry['performance'];
}

export interface EvidencePlanInput {
  model: string;
  evidence: RetrainEvidence;
  lockText: string | null;
  /** Names the lock in errors (`trainyard.lock on trainyard/retrain/churn`); `trainyard.lock` when absent. */
  lockFile?: string;
  runUrl: string | null;
  detectedAt: string;
}

/** Null when the lock already records this key for the model: nothing to do. */
export function planFromEvidence(input: EvidencePlanInput): RetrainPlan | null {
  const { evidence } = input;
  const lock = readLock(input.lockText, input.lockFile);
  if (lock.models[input.model]?.dataSnapshot === evidence.key) return null;
  lock.models[input.model] = {
    dataSnapshot: evidence.key,
    reason: evidence.reason,
    detectedAt: input.detectedAt,
    runUrl: input.runUrl,
    drift: evidence.drift,
    ...(evidence.performance ? { performance: evidence.performance } : {}),
  };
  const sorted: LockFile = { version: 1, models: Object.fromEntries(Object.entries(lock.models).sort(([a], [b]) => a.localeCompare(b))) };
  return {
    branch: retrainBranch(input.model),
    key: evidence.key,
    lockText: `${JSON.stringify(sorted, null, 2)}\n`,
    title: evidence.title,
    body: evidence.body,
    labels: RETRAIN_LABELS,
    commitMessage: `trainyard: retrain ${input.model} on data snapshot ${evidence.key}`,
  };
}

export function driftEvidence(input: Omit<PlanInput, 'lockText' | 'detectedAt'>): RetrainEvidence {
  const key = snapshotKey(input.report);
  const drifted = input.report.columns.filter((c) => c.drifted);
  return {
    key,
    reason: 'drift',
    title: `Retrain ${input.model}: input data drifted`,
    body: retrainBody(input, key),
    drift: { share: input.report.share, driftShare: input.report.driftShare, columns: drifted.map((c) => c.column) },
  };
}

/** Null when the lock already records this snapshot for the model: nothing to do. */
export function planRetraining(input: PlanInput): RetrainPlan | null {
  return planFromEvidence({ model: input.model, evidence: driftEvidence(input), lockText: input.lockText, runUrl: input.runUrl, detectedAt: input.detectedAt });
}

const num = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatNumber(value));

function retrainBody(input: Omit<PlanInput, 'lockText' | 'detectedAt'>, key: string): string {
  const { report } = input;
  const rows = report.columns.map((c) => `| ${c.column} | ${c.method ?? '—'} | ${num(c.statistic)} | ${num(c.pValue)} | ${num(c.threshold)} | ${c.drifted ? 'drifted' : 'ok'} |`);
  return [
    `<!-- trainyard:retrain:${input.model} -->`,
    `The input data of **${input.model}** drifted: ${Math.round(report.share * 1000) / 10}% of the columns drifted (the limit is ${Math.round(report.driftShare * 1000) / 10}%).`,
    '',
    `This pull request records data snapshot \`${key}\` in \`trainyard.lock\` and the retraining workflow runs on its branch; the comparison with the champion appears here when it finishes.`,
    input.runUrl ? `\nDrift run: ${input.runUrl}` : '',
    '',
    '| column | test | statistic | p-value | threshold | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
