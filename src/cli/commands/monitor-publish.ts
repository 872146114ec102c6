import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { DEFAULT_RETRAIN_AFTER, publishMonitoring } from '../../monitor/github/publish.ts';
import { HISTORY_BRANCH } from '../../monitor/github/history.ts';
import { readMonitorResult } from '../../monitor/result-file.ts';
import type { ModelConfig } from '../../config/schema.ts';
import type { CliIo } from '../io.ts';
import { openConfig } from '../shared.ts';
import { githubClient, runUrlFrom } from '../registry-edge.ts';

interface PublishCommandOptions {
  result: string;
  repo?: string;
  runUrl?: string;
  modelVersion?: string;
  notify: string[];
  retrainAfter?: string;
  config?: string;
  branch: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function repository(io: CliIo, given: string | undefined): { owner: string; repo: string } {
  const text = given ?? io.env.GITHUB_REPOSITORY;
  if (!text) throw new UsageError('--repo is not given and GITHUB_REPOSITORY is not set; expected owner/name');
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(text);
  if (!match) throw new UsageError(`${given ? '--repo' : 'GITHUB_REPOSITORY'}: "${text}" is not owner/name`);
  return { owner: match[1]!, repo: match[2]! };
}

/** The model's `monitoring:` settings in the config (undefined when it has none); a model the config lacks is bad input. */
async function monitoringConfig(io: CliIo, file: string, model: string): Promise<ModelConfig['monitoring']> {
  const { config } = await openConfig(io, file);
  const entry = config.models[model];
  if (!entry) throw new UsageError(`--config ${file}: has no model "${model}" (the result's model); it has: ${Object.keys(config.models).join(', ')}`);
  return entry.monitoring;
}

export function registerMonitorPublish(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('monitor-publish')
    .description('Publish a trainyard monitor --json result on GitHub: history on a data branch, the model health issue, one comment per new alert, and the retraining pull request after consecutive out-of-band chunks.')
    .requiredOption('--result <monitor.json>', 'the output of trainyard monitor --json')
    .option('--repo <owner/name>', 'the repository (default: GITHUB_REPOSITORY)')
    .option('--run-url <url>', 'the run that computed the result, linked from the history, issue and comments (default: this workflow run)')
    .option('--model-version <v>', 'the model version in production, recorded with each chunk')
    .option('--notify <login>', 'a GitHub login or @org/team mentioned on new alerts (repeatable, or comma-separated)', collect, [] as string[])
    .option('--retrain-after <n>', `consecutive chunks a realized or estimated metric must stay out of its band to open the retraining pull request; 0 never (default: monitoring.retrain_after, else ${DEFAULT_RETRAIN_AFTER})`)
    .option('-c, --config <file>', 'a trainyard config whose models.<model>.monitoring gives notify and retrain_after when the options do not')
    .option('--branch <name>', 'the data branch holding the history', HISTORY_BRANCH)
    .option('--json', 'print what was done as JSON')
    .action(async (options: PublishCommandOptions) => {
      if (options.retrainAfter !== undefined && !/^\d+$/.test(options.retrainAfter)) throw new UsageError(`--retrain-after: "${options.retrainAfter}" is not a whole number of chunks`);
      const target = repository(io, options.repo);
      const result = await readMonitorResult(path.resolve(io.cwd, options.result), options.result);
      const configured = options.config === undefined ? undefined : await monitoringConfig(io, options.config, result.model);
      const retrainAfter = options.retrainAfter !== undefined ? Number(options.retrainAfter) : (configured?.retrain_after ?? DEFAULT_RETRAIN_AFTER);
      const notify = options.notify.length > 0 ? options.notify : (configured?.notify ?? []);
      const octokit = githubClient(io, 'trainyard monitor-publish needs a token with contents, issues and pull-requests: write (and actions: write to start retraining)');
      const outcome = await publishMonitoring(octokit, target, result, {
        notify,
        retrainAfter,
        runUrl: options.runUrl ?? runUrlFrom(io.env),
        version: options.modelVersion ?? null,
        branch: options.branch,
        now: io.now,
      });
      if (options.json) {
        io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
      } else {
        io.stdout(`history: ${outcome.history.branch}:${outcome.history.file}, ${outcome.history.chunks} chunks${outcome.history.written ? '' : ' (unchanged)'}\n`);
        io.stdout(`health issue #${outcome.issue.number} ${outcome.issue.action}: ${outcome.issue.url}\n`);
        io.stdout(outcome.alertComment ? `alert comment posted for ${outcome.alertComment.alerts} new alert(s)\n` : 'no new alert\n');
        if (outcome.retraining) io.stdout(`retraining pull request ${outcome.retraining.pullRequest === null ? `on ${outcome.retraining.branch}` : `#${outcome.retraining.pullRequest}`} ${outcome.retraining.action}\n`);
      }
      setExit(0);
    });
}
