/**
 * One model through the local pipeline: validate its data, train, evaluate the
 * predictions, compare with the champion (or, before the first promotion, with the
 * trainer's own baseline), check drift, then register the version and promote it when
 * the comparison passed. Every stage leaves a line in the report.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { driftStage } from './drift-stage.ts';
import { comparisonDocument } from '../metrics/comparison-document.ts';
import { compareStage, evaluateStage, evaluationCompareStage, trainerComparisonStage } from '../metrics/stages.ts';
import { policyOfModel } from '../metrics/policy.ts';
import { renderJobSummary } from '../report/comparison-report.ts';
import { formatNumber } from '../util/format.ts';
import { registerAndPromote } from '../registry/stage.ts';
import type { ModelRegistry } from '../registry/types.ts';
import type { Lineage } from '../train/lineage.ts';
import type { SystemFacts } from '../train/system-facts.ts';
import { TrainingFailedError, trainModel } from '../train/train-model.ts';
import { describeThrown, EXIT } from '../errors.ts';
import { PreflightError } from '../runner/preflight-error.ts';
import { validateStage } from '../validate/stage.ts';
import { fetchChampion, type Champion } from './champion.ts';
import { readMetricsFile, type MetricValues } from '../metrics/read-metrics.ts';
import type { StageReport } from '../report/stage-report.ts';

export interface ModelRunRequest {
  name: string;
  model: ModelConfig;
  root: string;
  outputDir: string;
  configSha256: string;
  registry: ModelRegistry;
  env: Record<string, string | undefined>;
  system: SystemFacts;
  versions: { node: string; trainyard: string };
  echo: (chunk: string) => void;
}

export interface ModelRunOutcome {
  name: string;
  stages: StageReport[];
  /** Null when training did not run (the data failed validation). */
  lineage: Lineage | null;
  metrics: Record<string, number>;
  artifacts: string[];
  /** False when the model stopped before registration (invalid data, failed training). */
  completed: boolean;
  /** Why the model stopped, for the report; absent when it went through. */
  stopped?: string;
  /** 0 every gate passed; 1 a gate said no (validation, comparison, drift); 2 or 3 training failed. */
  exitCode: number;
}

export async function runModel(request: ModelRunRequest): Promise<ModelRunOutcome> {
  const { name, model, root, outputDir, echo } = request;
  const stages: StageReport[] = [];
  const note = (report: StageReport): void => {
    stages.push(report);
    echo(`${report.stage}: ${report.summary}\n`);
  };

  const validation = await validateStage({ model: name, data: model.data, root });
  if (!validation) note({ stage: 'validate', status: 'skipped', summary: 'no data.schema configured' });
  else {
    const sets = validation.validations.map((entry) => `${entry.role} ${entry.result.valid ? 'valid' : `${entry.result.failures.length} failed check(s)`} (${formatNumber(entry.result.rows)} rows)`);
    note({ stage: 'validate', status: validation.valid ? 'passed' : 'failed', summary: sets.join(', '), markdown: validation.markdown });
    if (!validation.valid) return { name, stages, lineage: null, metrics: {}, artifacts: [], completed: false, stopped: 'Training did not run: the data failed validation.', exitCode: EXIT.gate };
  }

  echo(`train: running "${model.training.command}"\n`);
  let trained: Awaited<ReturnType<typeof trainModel>>;
  try {
    trained = await trainModel({ name, model, root, outputDir, configSha256: request.configSha256, env: request.env, system: request.system, versions: request.versions, echo });
  } catch (error) {
    // A failed training still gets its report: the stage, the message and what it left.
    if (!(error instanceof TrainingFailedError || error instanceof PreflightError)) throw error;
    note({ stage: 'train', status: 'failed', summary: describeThrown(error) });
    const artifacts = await listArtifacts(outputDir);
    return { name, stages, lineage: null, metrics: {}, artifacts, completed: false, stopped: `Training failed: ${describeThrown(error)}`, exitCode: error.exitCode };
  }
  note({ stage: 'train', status: 'passed', summary: `exit ${trained.outcome.exitCode} in ${trained.lineage.durationSeconds} s, seed ${model.training.seed}` });

  const evaluation = await evaluateStage({ predictions: trained.artifacts.predictionsFile, cwd: root, columns: { task: model.task } });
  const shown = ['roc_auc', 'pr_auc', 'accuracy', 'f1', 'log_loss', 'brier', 'ece', 'rmse', 'mae', 'r2', 'macro_f1'].filter((metric) => evaluation.metrics[metric] !== undefined);
  note({ stage: 'evaluate', status: 'info', summary: `${formatNumber(evaluation.rows)} held-out rows: ${shown.map((metric) => `${metric} ${formatNumber(evaluation.metrics[metric]!)}`).join(', ')}` });

  // A gated metric the trainer did not write is taken from its held-out predictions, on
  // both sides, so a policy on roc_auc works for a trainer that reports only accuracy.
  const gated = Object.keys(model.metrics.policy);
  const candidateMetrics = withEvaluated(trained.artifacts.metrics, evaluation.metrics, gated);
  const champion = await fetchChampion({ registry: request.registry, model: name, environment: model.promotion?.environment ?? 'production', dir: path.join(outputDir, '..', `${name}.champion`) });
  const metricsFile = path.join(outputDir, model.metrics.file);
  const compared = model.evaluation
    ? await evaluationCompareStage({
        model,
        candidate: { metrics: trained.artifacts.metrics, metricsFile, predictions: trained.artifacts.predictionsFile },
        champion: champion ? { tag: champion.tag, metricsFile: champion.metricsFile, predictions: champion.predictionsFile, modelDir: champion.dir, commit: champion.commit } : null,
        cwd: root,
        workDir: path.join(outputDir, '..', `${name}.evaluation`),
        echo,
      }).then(({ comparison, notes }) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: champion ? `champion ${champion.tag}` : 'champion', notes }) }))
    : champion
      ? await compareStage({
          candidate: { metrics: candidateMetrics, metricsFile, predictions: trained.artifacts.predictionsFile },
          baseline: { metrics: await championMetrics(champion, model.task, gated, root), metricsFile: champion.metricsFile, ...(champion.predictionsFile ? { predictions: champion.predictionsFile } : {}) },
          policy: policyOfModel(model),
          columns: { task: model.task },
          id: 'id',
          cwd: root,
        }).then((comparison) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: `champion ${champion.tag}` }) }))
      : await trainerComparisonStage({ model, metrics: candidateMetrics, metricsFile, cwd: root }).then((comparison) => ({ comparison, report: renderJobSummary({ model: name, comparison, baselineName: 'trainer baseline' }) }));
  const against = champion ? `champion ${champion.tag}` : model.evaluation ? 'threshold rules on the evaluation rows (no champion yet)' : 'the trainer\'s baseline (no champion yet)';
  await writeFile(path.join(outputDir, 'comparison.json'), `${JSON.stringify(comparisonDocument(compared.comparison, { model: name, candidate: model.metrics.file, baseline: champion?.tag ?? null }), null, 2)}\n`);
  note({ stage: 'compare', status: compared.comparison.verdict === 'pass' ? 'passed' : 'failed', summary: `against ${against}: ${compared.comparison.summary}`, markdown: compared.report });

  const drift = await driftStage({ name, model, root, outputDir });
  note({ stage: 'drift', status: drift.result === null ? 'skipped' : drift.result.drifted ? 'failed' : 'passed', summary: drift.summary.replace(/^drift: /, '') });

  const passed = compared.comparison.verdict === 'pass';
  const staged = await registerAndPromote({ registry: request.registry, name, model, outputDir, gate: { passed, summary: compared.comparison.summary }, runUrl: null, actor: request.env.USER ?? null });
  const promoted = staged.promotion ? `, promoted to ${staged.environment} (#${staged.promotion.sequence})` : `, not promoted: the comparison did not pass`;
  note({ stage: 'register', status: 'info', summary: `registered ${staged.version.tag}${promoted}` });

  const stopped = compared.comparison.verdict !== 'pass' || drift.result?.drifted === true;
  return { name, stages, lineage: trained.lineage, metrics: trained.artifacts.metrics, artifacts: await listArtifacts(outputDir), completed: true, exitCode: stopped ? EXIT.gate : EXIT.ok };
}

/** The trainer's metrics, plus each gated metric it lacks that its predictions give. */
function withEvaluated(reported: MetricValues, evaluated: Record<string, number>, gated: readonly string[]): MetricValues {
  const filled = { ...reported };
  for (const name of gated) if (filled[name] === undefined && evaluated[name] !== undefined) filled[name] = evaluated[name];
  return filled;
}

async function championMetrics(champion: Champion, task: ModelConfig['task'], gated: readonly string[], root: string): Promise<MetricValues> {
  const reported = await readMetricsFile(champion.metricsFile);
  if (!champion.predictionsFile || gated.every((name) => reported[name] !== undefined)) return reported;
  const evaluated = await evaluateStage({ predictions: champion.predictionsFile, cwd: root, columns: { task } });
  return withEvaluated(reported, evaluated.metrics, gated);
}

async function listArtifacts(outputDir: string): Promise<string[]> {
  const entries = await readdir(outputDir).catch(() => [] as string[]);
  return entries.sort().map((entry) => (entry === 'model' ? 'model/' : entry));
}
