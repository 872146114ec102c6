/**
 * The evaluation stages as functions: `evaluateStage` (metrics of one predictions
 * file) and `compareStage` (candidate against baseline under a policy, with paired
 * intervals when both predictions files are given). `trainyard evaluate`,
 * `trainyard compare`, the evaluate action and `trainyard run` all call these.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DataEngine } from '../data/engine.ts';
import { CommandError, DataError } from '../errors.ts';
import { runCommand } from '../util/run-command.ts';
import type { ModelConfig } from '../config/schema.ts';
import { pairedBootstrap } from './bootstrap.ts';
import { compareModels, type Comparison, type PairedEvidence, type SignificanceTest } from './compare.ts';
import { delong } from './delong.ts';
import { evaluateRows, type EvaluationResult } from './evaluate.ts';
import { buildEvaluationSet, joinToEvaluationSet, writeEvaluationFeatures, type EvaluationSet, type TrustedPredictions } from './evaluation-set.ts';
import { commitWorktree } from './commit-worktree.ts';
import type { TrustedEvaluationData } from './trusted-labels.ts';
import { loadPairedPredictions, loadPredictions, type PairedPredictions, type SliceOptions } from './load-predictions.ts';
import { mcnemar } from './mcnemar.ts';
import type { ColumnOptions } from './prediction-columns.ts';
import { policyOfModel, type Policy } from './policy.ts';
import { BASELINE_PREFIX, readMetricsFile, type MetricValues } from './read-metrics.ts';
import { TASK_METRICS } from './suite.ts';

/** How the paired bootstrap runs. */
export interface BootstrapSettings {
  confidence: number;
  resamples: number;
  seed: number;
}

/** Bootstrap settings when the policy has no `significance` block: reported, not gating. */
export const DEFAULT_BOOTSTRAP: BootstrapSettings = { confidence: 0.95, resamples: 1000, seed: 42 };

export interface EvaluateStageInput {
  /** The predictions file, directory or glob, relative to `cwd`. */
  predictions: string;
  cwd: string;
  columns: ColumnOptions;
  slice?: SliceOptions;
}

export async function evaluateStage(input: EvaluateStageInput): Promise<EvaluationResult> {
  const engine = await DataEngine.open();
  try {
    const loaded = await loadPredictions(engine, { file: input.predictions, cwd: input.cwd, columns: input.columns, ...(input.slice ? { slice: input.slice } : {}) });
    return evaluateRows(loaded.rows, loaded.slicing);
  } finally {
    engine.close();
  }
}

/** One side of a comparison: a metrics file, a predictions file, or both. */
export interface ModelSide {
  /** Already-read metrics (for example the trainer's), named by `metricsFile` in errors. */
  metrics?: MetricValues;
  metricsFile?: string;
  predictions?: string;
}

export interface CompareStageInput {
  candidate: ModelSide;
  /** Null: the first model, judged by threshold rules only. */
  baseline: ModelSide | null;
  policy: Policy;
  columns: ColumnOptions;
  /** The row id column pairing the two predictions files. */
  id?: string;
  cwd: string;
  /** Overrides of the bootstrap settings (the policy's `significance`, else the defaults). */
  bootstrap?: Partial<BootstrapSettings>;
}

async function sideMetrics(side: ModelSide, input: CompareStageInput, role: string): Promise<{ metrics: MetricValues; file: string }> {
  if (side.metrics) return { metrics: side.metrics, file: side.metricsFile ?? `${role} metrics` };
  if (side.metricsFile) return { metrics: await readMetricsFile(side.metricsFile), file: side.metricsFile };
  if (side.predictions) {
    const result = await evaluateStage({ predictions: side.predictions, cwd: input.cwd, columns: input.columns });
    return { metrics: result.metrics, file: side.predictions };
  }
  throw new DataError(`the ${role} has neither a metrics file nor predictions; expected at least one`);
}

/** Bootstrap intervals for the task's metrics, McNemar for accuracy, DeLong for ROC AUC. */
export function pairedEvidence(paired: PairedPredictions, settings: BootstrapSettings, names: readonly string[]): PairedEvidence {
  const { candidate, baseline } = paired;
  const metrics = TASK_METRICS[candidate.task].filter((name) => names.includes(name));
  const bootstrap = pairedBootstrap(candidate, baseline, { metrics, ...settings });
  const tests: Record<string, SignificanceTest> = {};
  if (candidate.task !== 'regression' && baseline.task !== 'regression' && names.includes('accuracy')) tests.accuracy = mcnemar(candidate, baseline);
  if (candidate.task === 'binary' && baseline.task === 'binary' && names.includes('roc_auc')) {
    const result = delong(candidate, baseline);
    if (result) tests.roc_auc = result;
  }
  return { bootstrap, tests, rows: { shared: paired.shared, candidateOnly: paired.candidateOnly, baselineOnly: paired.baselineOnly } };
}

export async function compareStage(input: CompareStageInput): Promise<Comparison> {
  const candidate = await sideMetrics(input.candidate, input, 'candidate');
  const baseline = input.baseline ? await sideMetrics(input.baseline, input, 'baseline') : null;
  let paired: PairedEvidence | null = null;
  const candidatePredictions = input.candidate.predictions;
  const baselinePredictions = input.baseline?.predictions;
  if (candidatePredictions && baselinePredictions) {
    const engine = await DataEngine.open();
    try {
      const rows = await loadPairedPredictions(engine, { candidate: candidatePredictions, baseline: baselinePredictions, cwd: input.cwd, columns: input.columns, ...(input.id ? { id: input.id } : {}) });
      const settings = { ...DEFAULT_BOOTSTRAP, ...(input.policy.significance ?? {}), ...(input.bootstrap ?? {}) };
      const names = [...Object.keys(input.policy.rules), ...Object.keys(candidate.metrics)];
      paired = pairedEvidence(rows, settings, names);
    } finally {
      engine.close();
    }
  }
  return compareModels({ candidate, baseline, policy: input.policy, paired });
}

/**
 * Splits a trainer's metrics into the model's and its reference model's: trainers
 * report the reference as `baseline_<metric>` beside `<metric>`. `trainyard run` has
 * no champion, so it compares against this baseline (or threshold rules only).
 */
export function splitTrainerBaseline(metrics: MetricValues): { candidate: MetricValues; baseline: MetricValues | null } {
  const candidate: MetricValues = {};
  const baseline: MetricValues = {};
  for (const [name, value] of Object.entries(metrics)) {
    if (name.startsWith(BASELINE_PREFIX) && metrics[name.slice(BASELINE_PREFIX.length)] !== undefined) baseline[name.slice(BASELINE_PREFIX.length)] = value;
    else candidate[name] = value;
  }
  return { candidate, baseline: Object.keys(baseline).length > 0 ? baseline : null };
}

/**
 * The comparison `trainyard run` makes after training a model: the trainer's metrics
 * against its own reference model (`baseline_<metric>`), under the model's policy; with
 * no reference metrics, threshold rules only. A champion from the registry replaces
 * the trainer's baseline once there is one.
 */
export async function trainerComparisonStage(input: { model: Pick<ModelConfig, 'task' | 'metrics'>; metrics: MetricValues; metricsFile: string; cwd: string }): Promise<Comparison> {
  const { candidate, baseline } = splitTrainerBaseline(input.metrics);
  return compareStage({
    candidate: { metrics: candidate, metricsFile: input.metricsFile },
    baseline: baseline ? { metrics: baseline, metricsFile: `${input.metricsFile} (${BASELINE_PREFIX}*)` } : null,
    policy: policyOfModel(input.model),
    columns: { task: input.model.task },
    cwd: input.cwd,
  });
}

/** The champion as a comparison on the evaluation set sees it: its files from the registry. */
export interface EvaluatedChampion {
  tag: string;
  /** Its metrics file (what its trainer reported), when there is one. */
  metricsFile: string | null;
  predictions: string | null;
  /** The champion's downloaded version folder (MODEL_DIR of a `predict` command). */
  modelDir?: string | null;
  /** The commit it was trained from: a `predict` command runs in a worktree at it (in the current checkout when null). */
  commit?: string | null;
}

export interface EvaluationCompareInput {
  model: Pick<ModelConfig, 'task' | 'metrics' | 'evaluation' | 'data' | 'predict'>;
  candidate: { metrics: MetricValues; metricsFile: string; predictions: string };
  /** Where the output of a `predict` command goes (the terminal, the step log). */
  echo?: (chunk: string) => void;
  champion: EvaluatedChampion | null;
  cwd: string;
  /** Where the evaluation set and the joined predictions are written. */
  workDir: string;
  /**
   * The evaluation data actually read (for example the base branch's copy) in place of
   * `evaluation.file` (or `data.train` for a split), and where it came from.
   */
  trusted?: TrustedEvaluationData;
  /** Prediction columns other than the defaults (the label is always the evaluation set's). */
  columns?: Pick<ColumnOptions, 'score' | 'prediction' | 'threshold'>;
  /** Overrides of the bootstrap settings (the policy's `significance`, else the defaults). */
  bootstrap?: Partial<BootstrapSettings>;
}

export interface EvaluationComparison {
  comparison: Comparison;
  set: EvaluationSet;
  /** Whether the champion was re-scored on the evaluation rows with the `predict` command. */
  rescored: boolean;
  /** The candidate's metrics as trainyard computed them on the evaluation rows. */
  computed: MetricValues;
  /** Sentences for the report: the rows, where their labels came from, a re-scoring, a fallback. */
  notes: string[];
}

/** The evaluation data of a comparison: the trusted copy when given, else the config's paths. */
function evaluationData(input: EvaluationCompareInput): string | string[] {
  return input.trusted?.paths ?? input.model.evaluation!.file ?? input.model.data.train;
}

/**
 * Runs the `predict` command on the champion's version for the evaluation rows'
 * features, in a temporary worktree at the champion's commit (the current checkout when
 * it has none); returns its predictions file, or why it could not run.
 */
async function rescoreChampion(input: EvaluationCompareInput, set: EvaluationSet): Promise<{ file: string } | { unavailable: string }> {
  const { evaluation, predict } = input.model;
  const champion = input.champion!;
  const features = path.join(input.workDir, 'champion-features.csv');
  const output = path.join(input.workDir, 'champion-rescored.csv');
  const engine = await DataEngine.open();
  try {
    await writeEvaluationFeatures(engine, { evaluation: { ...evaluation!, file: undefined }, train: evaluationData(input), set, cwd: input.cwd, out: features });
  } finally {
    engine.close();
  }
  const worktree = champion.commit ? await commitWorktree(input.cwd, champion.commit, path.join(input.workDir, 'champion-worktree')) : null;
  if (worktree && 'unavailable' in worktree) return { unavailable: `the champion ${champion.tag} cannot be re-scored with the \`predict\` command: ${worktree.unavailable}` };
  try {
    const outcome = await runCommand({
      command: predict!.command,
      cwd: worktree?.root ?? input.cwd,
      env: { ...process.env, MODEL_DIR: champion.modelDir!, MODEL_VERSION: champion.tag, TRAINYARD_PREDICT_INPUT: features, TRAINYARD_PREDICT_OUTPUT: output },
      timeoutMs: 30 * 60_000,
      logFile: path.join(input.workDir, 'predict.log'),
      echo: input.echo ?? (() => undefined),
    });
    if (outcome.exitCode !== 0 || outcome.timedOut) {
      throw new CommandError(`predict command "${predict!.command}" ${outcome.timedOut ? 'timed out' : `exited ${outcome.exitCode}`} re-scoring ${champion.tag}; its log: ${path.join(input.workDir, 'predict.log')}`);
    }
  } finally {
    await worktree?.remove();
  }
  return { file: output };
}

/**
 * The comparison on the model's evaluation set: both models' predictions joined by id
 * to the labels of the evaluation rows, every metric trainyard can compute computed
 * from them, point estimates, intervals and tests all from those same rows. The
 * trainer's metrics are checked against the computed ones; a champion without
 * predictions for every evaluation row makes the comparison inconclusive.
 */
export async function evaluationCompareStage(input: EvaluationCompareInput): Promise<EvaluationComparison> {
  const evaluation = input.model.evaluation;
  if (!evaluation) throw new DataError('the model has no evaluation section; expected evaluation.file or evaluation.split');
  await mkdir(input.workDir, { recursive: true });
  const engine = await DataEngine.open();
  let set: EvaluationSet;
  let candidate: TrustedPredictions;
  let champion: TrustedPredictions | null = null;
  try {
    set = await buildEvaluationSet(engine, { evaluation: { ...evaluation, file: undefined }, train: evaluationData(input), cwd: input.cwd, out: path.join(input.workDir, 'evaluation-set.csv'), ...(input.trusted ? { shown: input.trusted.labels } : {}) });
    candidate = await joinToEvaluationSet(engine, { predictions: input.candidate.predictions, set, id: evaluation.id, cwd: input.cwd, out: path.join(input.workDir, 'candidate-predictions.csv'), table: 'candidate' });
    if (candidate.missing > 0 || candidate.extra > 0) {
      throw new DataError(
        `${input.candidate.predictions}: ${candidate.missing} of the ${set.rows} evaluation rows have no prediction and ${candidate.extra} predictions are of rows outside the evaluation set (${set.source}); expected exactly one prediction per evaluation row, joined by "${evaluation.id}"`,
      );
    }
    if (input.champion?.predictions) {
      champion = await joinToEvaluationSet(engine, { predictions: input.champion.predictions, set, id: evaluation.id, cwd: input.cwd, out: path.join(input.workDir, 'champion-predictions.csv'), table: 'champion' });
    }
  } finally {
    engine.close();
  }
  let rescored = false;
  const stale = input.champion && (!champion || champion.missing > 0);
  let unscored: string | null = null;
  if (stale && input.model.predict && input.champion!.modelDir) {
    const outcome = await rescoreChampion(input, set);
    if ('unavailable' in outcome) unscored = outcome.unavailable;
    else {
      const joining = await DataEngine.open();
      try {
        champion = await joinToEvaluationSet(joining, { predictions: outcome.file, set, id: evaluation.id, cwd: input.cwd, out: path.join(input.workDir, 'champion-predictions.csv'), table: 'rescored' });
      } finally {
        joining.close();
      }
      if (champion.missing > 0) throw new DataError(`${outcome.file}: the predict command left ${champion.missing} of the ${set.rows} evaluation rows without a prediction re-scoring ${input.champion!.tag}; expected one per row`);
      rescored = true;
    }
  }
  let unavailable: string | null = unscored;
  const noRescore = input.model.predict ? 'and its model files are not at hand to re-score it with the `predict` command' : 'and the config has no `predict` command to re-score it';
  if (!unavailable && input.champion && !champion) unavailable = `the champion ${input.champion.tag} has no predictions to score on the evaluation rows, ${noRescore}`;
  else if (!unavailable && input.champion && champion && champion.missing > 0) {
    unavailable = `the champion ${input.champion.tag} has no predictions for ${champion.missing} of the ${set.rows} evaluation rows (the evaluation set changed since it was trained), ${noRescore}`;
  }
  const columns: ColumnOptions = { task: input.model.task, ...(input.columns ?? {}), label: 'label' };
  const computed = await evaluateStage({ predictions: candidate.file, cwd: input.cwd, columns });
  const judged = input.champion && champion && !unavailable ? champion : null;
  const baselineComputed = judged ? await evaluateStage({ predictions: judged.file, cwd: input.cwd, columns }) : null;
  const policy = policyOfModel(input.model);
  let paired: PairedEvidence | null = null;
  if (judged) {
    const pairing = await DataEngine.open();
    try {
      const rows = await loadPairedPredictions(pairing, { candidate: candidate.file, baseline: judged.file, cwd: input.cwd, columns, id: 'id' });
      const settings = { ...DEFAULT_BOOTSTRAP, ...(policy.significance ?? {}), ...(input.bootstrap ?? {}) };
      paired = pairedEvidence(rows, settings, [...Object.keys(policy.rules), ...Object.keys(computed.metrics)]);
    } finally {
      pairing.close();
    }
  }
  const championReported = input.champion?.metricsFile ? await readMetricsFile(input.champion.metricsFile).catch(() => null) : null;
  const comparison = compareModels({
    candidate: { metrics: computed.metrics, file: `${input.candidate.predictions} on the evaluation rows` },
    baseline: baselineComputed && input.champion ? { metrics: baselineComputed.metrics, file: `${input.champion.tag} on the evaluation rows` } : null,
    policy,
    paired,
    missing: 'fail',
    reported: { metrics: input.candidate.metrics, file: input.candidate.metricsFile, tolerance: evaluation.tolerance, baseline: championReported },
    baselineUnavailable: unavailable,
  });
  const from = evaluationData(input);
  const labels = input.trusted ? { labels: input.trusted.labels, trusted: input.trusted.trusted } : { labels: (Array.isArray(from) ? from : [from]).map((entry) => `working tree:${entry}`).join(', '), trusted: true };
  const rows = set.rows.toLocaleString('en-US');
  const notes = [`${judged ? 'Both models' : 'The candidate'} scored on the ${rows} evaluation rows (${set.source}), labels read from the data; every metric trainyard can compute is computed from the predictions.`];
  if (rescored && input.champion) notes.push(`The champion ${input.champion.tag} was re-scored on these rows with the config's predict command${input.champion.commit ? ` at its commit ${input.champion.commit.slice(0, 12)}` : ' (in the current checkout: its version records no commit)'}.`);
  if (input.trusted?.fallback) notes.push(`The labels are not trusted: ${input.trusted.fallback}, so they were read from the working tree, which the change being judged may have edited.`);
  return { comparison: { ...comparison, evaluation: { rows: set.rows, ...labels } }, set, rescored, computed: computed.metrics, notes };
}
