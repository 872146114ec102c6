import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import { UsageError } from '../../errors.ts';
import { resolveMonitorOptions, type MonitorModelContext, type MonitorOptions } from '../../monitor/options.ts';
import { renderMonitorReport } from '../../monitor/report.ts';
import { runMonitor, type MonitorOutcome } from '../../monitor/run-monitor.ts';
import { renderOpenMetrics } from '../../monitor/openmetrics.ts';
import { pushMetrics } from '../../monitor/push.ts';
import type { CliIo } from '../io.ts';
import { openConfig } from '../shared.ts';
import { withReference } from './monitor-reference.ts';

interface MonitorCommandOptions extends MonitorOptions {
  config?: string;
  model?: string;
  json?: boolean;
  out?: string;
  report?: string;
  openmetrics?: string;
  push?: string;
  modelVersion?: string;
  registry?: string;
  environment?: string;
}

/** The model's config when --config or --model is given, or when the default config exists. */
async function modelContext(io: CliIo, options: MonitorCommandOptions): Promise<MonitorModelContext | undefined> {
  if (options.config === undefined && options.model === undefined && !existsSync(path.resolve(io.cwd, DEFAULT_CONFIG_PATH))) return undefined;
  if (options.config === undefined && options.model === undefined && options.predictions !== undefined && options.reference !== undefined) return undefined;
  const loaded = await openConfig(io, options.config);
  const names = Object.keys(loaded.config.models);
  if (options.model !== undefined && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; the config has: ${names.join(', ')}`);
  const monitored = names.filter((name) => loaded.config.models[name]!.monitoring !== undefined);
  if (options.model === undefined && names.length > 1 && monitored.length !== 1) throw new UsageError(`the config has several models (${names.join(', ')}); choose one with --model`);
  const name = options.model ?? (names.length === 1 ? names[0]! : monitored[0]!);
  return { name, model: loaded.config.models[name]!, root: loaded.root };
}

export function registerMonitor(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('monitor')
    .description('Watch a model in production: its prediction log in chunks, realized and estimated performance, latency, drift and data quality against a reference; exit 1 when the latest chunk has an alert.')
    .option('-c, --config <file>', `the trainyard config (default ${DEFAULT_CONFIG_PATH} when it exists)`)
    .option('-m, --model <name>', 'the model whose monitoring settings apply')
    .option('--task <binary|regression>', 'the kind of model (default: the model\'s task, else binary)')
    .option('--predictions <source>', 'the prediction log: files, a folder or a glob (CSV, Parquet, JSON lines), or postgres://…?table=<name> or ?query=<SELECT …>')
    .option('--labels <source>', 'labels that arrived later (id, label), joined to the log by id')
    .option('--reference <source>', 'the reference period: rows of the log\'s columns plus label (default: monitoring.reference, else the champion\'s predictions on the evaluation rows)')
    .option('--registry <spec>', 'where the champion of the default reference is read: local:<dir> or github:<owner>/<repo> (default: the config\'s registry)')
    .option('--environment <name>', 'the environment whose champion gives the default reference (default: promotion.environment, else production)')
    .option('--chunk <size>', 'hour, day, week (from Monday), month (UTC), or <N>rows (default week)')
    .option('--since <time>', 'monitor rows from this time (ISO, UTC; inclusive)')
    .option('--until <time>', 'monitor rows before this time (ISO, UTC; exclusive)')
    .option('--threshold <x>', 'a binary model predicts the positive class when its score is at least this (default 0.5)')
    .option('--schema <schema.yml>', 'count the failures of this data schema\'s checks per chunk (default: monitoring.schema)')
    .option('--json', 'print the result as JSON')
    .option('-o, --out <monitor.json>', 'also write the JSON result to this file')
    .option('--report <monitor.md>', 'write the Markdown report (charts per metric) here')
    .option('--openmetrics <file.prom>', 'write the latest chunk\'s metrics and alerts as OpenMetrics text')
    .option('--push <url>', 'push the latest chunk\'s metrics and alerts to this Prometheus Pushgateway')
    .option('--model-version <tag>', 'the version label of the pushed and written metrics (e.g. churn@v3)')
    .action(async (options: MonitorCommandOptions) => {
      const context = await modelContext(io, options);
      const pending = resolveMonitorOptions(options, io.cwd, context);
      const scratch = await mkdtemp(path.join(tmpdir(), 'trainyard-monitor-reference-'));
      let outcome: MonitorOutcome;
      let source: string;
      try {
        const resolved = await withReference(io, options, context, pending, scratch);
        source = resolved.source;
        if (pending.reference === 'champion') io.stderr(`trainyard: reference: ${source}\n`);
        outcome = await runMonitor(resolved.request);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
      const result = { ...outcome.result, reference: { ...outcome.result.reference, source } };
      const { bands } = outcome;
      const json = `${JSON.stringify(result, null, 2)}\n`;
      const report = renderMonitorReport(result, bands);
      const version = options.modelVersion ?? null;
      for (const [file, text] of [
        [options.report, report],
        [options.out, json],
        [options.openmetrics, options.openmetrics ? renderOpenMetrics(result, version) : ''],
      ] as const) {
        if (!file) continue;
        const target = path.resolve(io.cwd, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, text);
      }
      if (options.push) await pushMetrics(options.push, result, version);
      if (options.json) io.stdout(json);
      else io.stdout(report);
      const latest = result.chunks[result.chunks.length - 1];
      setExit(latest && latest.alerts.length > 0 ? 1 : 0);
    });
}
