import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { createAppJwt } from '../../runner/app-jwt.ts';
import { decideForkGuard, DEFAULT_SAFE_LABEL, type GuardEvent } from '../../runner/fork-guard.ts';
import type { GitHubRequest } from '../../runner/github-request.ts';
import { mintJitConfig, plannedRequests, type JitRequest, type RunnerScope } from '../../runner/jit.ts';
import { octokitFor } from '../github-client.ts';
import type { CliIo } from '../io.ts';

interface JitOptions {
  repo?: string;
  org?: string;
  labels: string;
  name?: string;
  runnerGroupId: string;
  workFolder: string;
  appId?: string;
  privateKey?: string;
  json?: boolean;
  dryRun?: boolean;
}

interface GuardOptions {
  event?: string;
  eventName?: string;
  label: string;
}

function github(io: CliIo, token?: string): GitHubRequest {
  const octokit = octokitFor(io, token);
  return (route, params) => octokit.request(route, params) as Promise<{ status: number; data: unknown }>;
}

function parseScope(options: JitOptions): RunnerScope {
  if (options.repo && options.org) throw new UsageError('--repo and --org: give one; a runner belongs to a repository or an organisation');
  if (options.org) return { kind: 'org', org: options.org };
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo ?? '');
  if (!match) throw new UsageError(`--repo "${options.repo ?? ''}": expected owner/repo (or --org <org>)`);
  return { kind: 'repo', owner: match[1]!, repo: match[2]! };
}

function parseJit(options: JitOptions, io: CliIo): JitRequest {
  const labels = options.labels.split(',').map((label) => label.trim()).filter(Boolean);
  if (labels.length === 0) throw new UsageError('--labels: expected a comma-separated list such as self-hosted,gpu');
  const runnerGroupId = Number(options.runnerGroupId);
  if (!Number.isInteger(runnerGroupId) || runnerGroupId < 1) throw new UsageError(`--runner-group-id "${options.runnerGroupId}": expected a positive integer (1 is the Default group)`);
  const name = options.name ?? `${io.env.HOSTNAME ?? 'trainyard-gpu'}-${io.now().getTime().toString(36)}`;
  return { scope: parseScope(options), name, labels, runnerGroupId, workFolder: options.workFolder };
}

async function appCredentials(options: JitOptions, io: CliIo): Promise<{ appId: string; privateKeyPem: string }> {
  const appId = options.appId ?? io.env.GITHUB_APP_ID;
  if (!appId) throw new UsageError('no GitHub App id: pass --app-id or set GITHUB_APP_ID');
  if (options.privateKey) {
    const file = path.resolve(io.cwd, options.privateKey);
    const pem = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--private-key ${options.privateKey}: cannot read it (${error.code}); expected the App's PEM file`);
    });
    return { appId, privateKeyPem: pem };
  }
  const pem = io.env.GITHUB_APP_PRIVATE_KEY;
  if (!pem) throw new UsageError('no GitHub App private key: pass --private-key <file> or set GITHUB_APP_PRIVATE_KEY');
  return { appId, privateKeyPem: pem.replace(/\\n/g, '\n') };
}

async function readEvent(io: CliIo, options: GuardOptions): Promise<GuardEvent> {
  const file = options.event ?? io.env.GITHUB_EVENT_PATH;
  const name = options.eventName ?? io.env.GITHUB_EVENT_NAME;
  if (!file || !name) throw new UsageError('no workflow event: pass --event <file> and --event-name <name> (GITHUB_EVENT_PATH and GITHUB_EVENT_NAME inside Actions)');
  const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--event ${file}: cannot read it (${error.code}); expected the workflow event JSON`);
  });
  try {
    return { name, payload: JSON.parse(text) as GuardEvent['payload'] };
  } catch {
    throw new UsageError(`--event ${file}: not JSON; expected the workflow event payload`);
  }
}

export function registerRunner(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const runner = program.command('runner').description('Self-hosted GPU runners: just-in-time registration and the fork rule.');
  runner
    .command('jitconfig')
    .alias('jit')
    .description('Mint a just-in-time runner config with the GitHub App (no personal token); prints the encoded config for `run.sh --jitconfig`.')
    .option('--repo <owner/repo>', 'register the runner on this repository')
    .option('--org <org>', 'register the runner on this organisation instead')
    .option('--labels <list>', 'comma-separated runner labels', 'self-hosted,gpu')
    .option('--name <name>', 'the runner name (default: $HOSTNAME and a time stamp)')
    .option('--runner-group-id <id>', 'the runner group', '1')
    .option('--work-folder <dir>', 'the runner\'s work folder', '_work')
    .option('--app-id <id>', 'the GitHub App id (default: $GITHUB_APP_ID)')
    .option('--private-key <file>', 'the App\'s PEM private key (default: $GITHUB_APP_PRIVATE_KEY)')
    .option('--json', 'print runner id, name and config as JSON')
    .option('--dry-run', 'print the requests it would make, and make none')
    .action(async (options: JitOptions) => {
      const jit = parseJit(options, io);
      if (options.dryRun) {
        io.stdout(plannedRequests(jit).map((line) => `[dry-run] would ${line}\n`).join(''));
        setExit(0);
        return;
      }
      const { appId, privateKeyPem } = await appCredentials(options, io);
      const config = await mintJitConfig({ request: github(io), appJwt: createAppJwt({ appId, privateKeyPem, now: io.now() }), jit });
      io.stdout(options.json ? `${JSON.stringify(config)}\n` : `${config.encodedJitConfig}\n`);
      io.stderr(`trainyard: runner ${config.runnerName} (id ${config.runnerId}) registered just in time with labels ${jit.labels.join(',')}\n`);
      setExit(0);
    });
  runner
    .command('guard')
    .description('Refuse a fork pull request\'s code on a self-hosted runner unless a maintainer applied the label after the last push (exit 1).')
    .option('--event <file>', 'the workflow event JSON (default: $GITHUB_EVENT_PATH)')
    .option('--event-name <name>', 'the event name (default: $GITHUB_EVENT_NAME)')
    .option('--label <name>', 'the label a maintainer applies', DEFAULT_SAFE_LABEL)
    .action(async (options: GuardOptions) => {
      const event = await readEvent(io, options);
      const token = io.env.GITHUB_TOKEN;
      const decision = await decideForkGuard({ event, label: options.label, runnerEnvironment: io.env.RUNNER_ENVIRONMENT, request: token ? github(io, token) : null });
      if (decision.allowed) {
        io.stdout(`trainyard: allowed: ${decision.reason}\n`);
        setExit(0);
        return;
      }
      if (io.env.GITHUB_ACTIONS === 'true') io.stdout(`::error title=trainyard: fork code refused::${decision.reason}\n`);
      io.stderr(`trainyard: refused: ${decision.reason}\n`);
      setExit(1);
    });
}
