import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { loadPolicy } from '../../metrics/policy.ts';
import { evaluateStage } from '../../metrics/stages.ts';
import { TASKS, type Task } from '../../metrics/types.ts';
import { renderMetrics, writeFileAtomic } from '../../metrics/write-metrics.ts';
import { renderEvaluation } from '../../report/evaluation-report.ts';
import type { CliIo } from '../io.ts';
import { evaluateCandidate } from './evaluate-candidate.ts';
import { parseNumberOption, parseTask } from './evaluate-options.ts';

interface EvaluateOptions {
  predictions?: string;
  candidate?: string;
  registry?: string;
  environment?: string;
  evaluationRef?: string;
  task?: string;
  config?: string;
  model?: string;
  label?: string;
  score?: string;
  prediction?: string;
  threshold?: string;
  sliceBy?: string;
  data?: string;
  id?: string;
  dataId?: string;
  json?: boolean;
  out?: string;
}

export function registerEvaluate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('evaluate')
    .description('Compute metrics from a predictions file (CSV, TSV, Parquet, JSON), overall and per segment; or, with --candidate, judge a training output folder against the champion.')
    .option('-p, --predictions <file>', 'the predictions: a file, directory or glob')
    .option('--candidate <dir>', 'instead of --predictions: a training output folder; its predictions are evaluated and compared with the champion (exit 0 pass, 1 fail or inconclusive), and --out names a folder for metrics.json, comparison.json and comparison.md')
    .option('-r, --registry <spec>', 'with --candidate: where the champion is, local:<dir> or github:<owner>/<repo> (default: the config\'s registry, else local:.trainyard/registry)')
    .option('-e, --environment <name>', 'with --candidate: the environment whose champion is the baseline (default: the model\'s promotion.environment, else production)')
    .option('--evaluation-ref <ref>', 'with --candidate, for a model with an evaluation section: the git ref whose evaluation data gives the labels (git show <ref>:<path>; default: origin/$GITHUB_BASE_REF in a pull request\'s workflow, else the working tree)')
    .option('-t, --task <task>', `the kind of model: ${TASKS.join(', ')} (default: the model's task in --config)`)
    .option('-c, --config <file>', `a trainyard config to take the task from, when --task is not given (default: ${DEFAULT_CONFIG_PATH} when it exists)`)
    .option('-m, --model <name>', 'the model of --config (when it has several)')
    .option('--label <column>', 'the true label or target column', 'label')
    .option('--score <column>', 'binary: the positive-class score; multiclass: the prefix of the <prefix>_<class> probability columns', 'score')
    .option('--prediction <column>', 'the predicted class or value (binary default: score >= threshold)')
    .option('--threshold <number>', 'binary: the score from which a row is predicted positive', '0.5')
    .option('--slice-by <column>', 'also compute every metric per value of this column')
    .option('--data <file>', 'the evaluation data holding the --slice-by column, joined on --id')
    .option('--id <column>', 'the row id column of the predictions, joined with --data', 'id')
    .option('--data-id <column>', 'the row id column of --data, when it is named otherwise (default: --id)')
    .option('--json', 'print the full result as JSON')
    .option('-o, --out <file>', 'write the metrics to this file (.json, .yaml, .csv or .tsv)')
    .action(async (options: EvaluateOptions) => {
      if (options.candidate !== undefined) {
        if (options.predictions !== undefined) throw new UsageError('give --predictions or --candidate, not both');
        setExit(await evaluateCandidate(io, { ...options, candidate: options.candidate }));
        return;
      }
      if (options.registry !== undefined || options.environment !== undefined || options.evaluationRef !== undefined) throw new UsageError('--registry, --environment and --evaluation-ref are only used with --candidate');
      if (options.predictions === undefined) throw new UsageError('expected --predictions <file> (or --candidate <dir>)');
      const predictions = options.predictions;
      let task: Task;
      const config = options.config ?? (existsSync(path.resolve(io.cwd, DEFAULT_CONFIG_PATH)) ? DEFAULT_CONFIG_PATH : undefined);
      if (options.task) task = parseTask(options.task);
      else if (config) {
        const loaded = await loadPolicy(path.resolve(io.cwd, config), config, options.model);
        if (!loaded.task) throw new UsageError(`${config}: not a trainyard config (no models); give --task`);
        task = loaded.task;
      } else throw new UsageError(`expected --task ${TASKS.join('|')} (or --config with the model; there is no ${DEFAULT_CONFIG_PATH} here)`);
      if (options.data && !options.sliceBy) throw new UsageError('--data is only used with --slice-by; add --slice-by <column>');
      if (options.dataId && !options.data) throw new UsageError('--data-id names the id column of --data; add --data <file>');
      const result = await evaluateStage({
        predictions,
        cwd: io.cwd,
        columns: {
          task,
          ...(options.label ? { label: options.label } : {}),
          ...(options.score ? { score: options.score } : {}),
          ...(options.prediction ? { prediction: options.prediction } : {}),
          threshold: parseNumberOption('--threshold', options.threshold ?? '0.5'),
        },
        ...(options.sliceBy ? { slice: { column: options.sliceBy, ...(options.data ? { data: options.data } : {}), ...(options.id ? { id: options.id } : {}), ...(options.dataId ? { dataId: options.dataId } : {}) } } : {}),
      });
      if (options.out) {
        const file = path.resolve(io.cwd, options.out);
        await writeFileAtomic(file, renderMetrics(result.metrics, file));
      }
      io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderEvaluation(result, predictions));
      setExit(0);
    });
}
