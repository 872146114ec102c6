/**
 * `trainyard evaluate --candidate <dir>`: a training output folder judged as the
 * pipelines judge it. Its predictions are evaluated, and it is compared with the
 * champion of the model's environment in the registry (downloaded, digests verified),
 * or, before the first promotion, with the trainer's own baseline. The folder --out
 * receives metrics.json, comparison.json and comparison.md; the report also goes to the
 * job summary inside GitHub Actions.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import { UsageError } from '../../errors.ts';
import { verdictExitCode, type Comparison } from '../../metrics/compare.ts';
import { comparisonDocument } from '../../metrics/comparison-document.ts';
import { policyOfModel } from '../../metrics/policy.ts';
import { compareStage, evaluateStage, evaluationCompareStage, trainerComparisonStage } from '../../metrics/stages.ts';
import { readMetricsFile, type MetricValues } from '../../metrics/read-metrics.ts';
import { defaultEvaluationRef, trustedEvaluation } from '../../metrics/trusted-labels.ts';
import { renderMetrics, writeFileAtomic } from '../../metrics/write-metrics.ts';
import { renderJobSummary } from '../../report/comparison-report.ts';
import { fetchChampion } from '../../run/champion.ts';
import type { CliIo } from '../io.ts';
import { openRegistry } from '../registry-edge.ts';

export interface CandidateOptions {
  candidate: string;
  config?: string;
  model?: string;
  registry?: string;
  environment?: string;
  out?: string;
  json?: boolean;
  evaluationRef?: string;
}

/** Evaluates and compares the candidate folder; returns the exit code (0 pass, 1 fail or inconclusive). */
export async function evaluateCandidate(io: CliIo, options: CandidateOptions): Promise<number> {
  const opened = await openRegistry(io, { config: options.config ?? DEFAULT_CONFIG_PATH, ...(options.registry ? { registry: options.registry } : {}) });
  const loaded = opened.loaded!;
  const names = Object.keys(loaded.config.models);
  if (options.model !== undefined && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; ${loaded.file} has: ${names.join(', ')}`);
  if (options.model === undefined && names.length > 1) throw new UsageError(`the config has several models (${names.join(', ')}); choose one with --model`);
  const name = options.model ?? names[0]!;
  const model = loaded.config.models[name]!;
  const folder = path.resolve(io.cwd, options.candidate);
  if (!existsSync(folder)) throw new UsageError(`--candidate ${options.candidate}: no such folder (expected a training output folder with ${model.metrics.file} and ${model.metrics.predictions})`);
  const metricsFile = path.join(folder, model.metrics.file);
  const predictionsFile = path.join(folder, model.metrics.predictions);
  const hasMetrics = existsSync(metricsFile);
  const hasPredictions = existsSync(predictionsFile);
  if (!hasMetrics && !hasPredictions) throw new UsageError(`--candidate ${options.candidate}: neither ${model.metrics.file} nor ${model.metrics.predictions} is there; expected the output folder of trainyard train`);

  const out = options.out ? path.resolve(io.cwd, options.out) : undefined;
  if (model.evaluation && !hasPredictions) {
    throw new UsageError(`--candidate ${options.candidate}: no ${model.metrics.predictions}; the model has an evaluation section, so trainyard scores the candidate's predictions on the evaluation rows`);
  }
  const ref = model.evaluation ? defaultEvaluationRef(options.evaluationRef, io.env) : null;
  if (options.evaluationRef !== undefined && !model.evaluation) throw new UsageError(`--evaluation-ref is only used for a model with an evaluation section; models.${name} has none`);
  if (out) await mkdir(out, { recursive: true });

  const environment = options.environment ?? model.promotion?.environment ?? 'production';
  const scratch = await mkdtemp(path.join(tmpdir(), 'trainyard-champion-'));
  try {
    const champion = await fetchChampion({ registry: opened.registry, model: name, environment, dir: path.join(scratch, 'champion') });
    let compared: { comparison: Comparison; baselineName: string; notes: string[]; metrics: MetricValues };
    if (model.evaluation) {
      const judging = await trustedEvaluation({ root: loaded.root, configFile: path.resolve(io.cwd, loaded.file), name, model, ref, dir: path.join(scratch, 'trusted') });
      const trusted = judging.data;
      if (trusted.fallback) io.stderr(`trainyard: warning: the evaluation labels are not trusted: ${trusted.fallback}; they were read from the working tree\n`);
      const result = await evaluationCompareStage({
        model: judging.model,
        candidate: { metrics: hasMetrics ? await readMetricsFile(metricsFile) : {}, metricsFile, predictions: predictionsFile },
        champion: champion ? { tag: champion.tag, metricsFile: champion.metricsFile, predictions: champion.predictionsFile, modelDir: champion.dir, commit: champion.commit } : null,
        cwd: loaded.root,
        workDir: path.join(scratch, 'evaluation'),
        trusted,
        echo: (chunk) => io.stderr(chunk),
      });
      compared = { comparison: result.comparison, baselineName: champion ? `champion ${champion.tag}` : 'champion', notes: [...result.notes, ...judging.notes], metrics: result.computed };
    } else {
      const evaluation = hasPredictions ? await evaluateStage({ predictions: predictionsFile, cwd: io.cwd, columns: { task: model.task } }) : null;
      const metrics = evaluation?.metrics ?? (await readMetricsFile(metricsFile));
      const candidateSide = { ...(hasMetrics ? { metricsFile } : { metrics, metricsFile: predictionsFile }), ...(hasPredictions ? { predictions: predictionsFile } : {}) };
      compared = champion
        ? {
            comparison: await compareStage({
              candidate: candidateSide,
              baseline: { metricsFile: champion.metricsFile, ...(champion.predictionsFile ? { predictions: champion.predictionsFile } : {}) },
              policy: policyOfModel(model),
              columns: { task: model.task },
              id: 'id',
              cwd: io.cwd,
            }),
            baselineName: `champion ${champion.tag}`,
            notes: [],
            metrics,
          }
        : { comparison: await trainerComparisonStage({ model, metrics: hasMetrics ? await readMetricsFile(metricsFile) : metrics, metricsFile: hasMetrics ? metricsFile : predictionsFile, cwd: io.cwd }), baselineName: 'trainer baseline', notes: [], metrics };
    }
    if (out) await writeFileAtomic(path.join(out, 'metrics.json'), renderMetrics(compared.metrics, path.join(out, 'metrics.json')));
    const document = comparisonDocument(compared.comparison, { model: name, candidate: options.candidate, baseline: champion?.tag ?? null });
    const report = renderJobSummary({ model: name, comparison: compared.comparison, baselineName: compared.baselineName, notes: compared.notes });
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (out) {
      await writeFileAtomic(path.join(out, 'comparison.json'), json);
      await writeFileAtomic(path.join(out, 'comparison.md'), report);
    }
    if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, report);
    io.stdout(options.json ? json : report);
    return verdictExitCode(compared.comparison.verdict);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
