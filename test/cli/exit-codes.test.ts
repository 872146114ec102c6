/**
 * Exit codes mean one thing each, for every command: 0 success, 1 a gate said no, 2 a
 * user mistake, 3 a failure of trainyard or of a service. One row per command and code
 * that the command can give; 3 comes from a GitHub that answers 502, a GPU runner whose
 * preflight fails, or (for commands that reach no service) an internal error.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { DataEngine } from '../../src/data/engine.ts';
import { runCli } from '../helpers/cli.ts';

const SHA = 'a'.repeat(40);
let project: string;
let api: { url: string; server: Server };

/** A GitHub API that answers 502 to everything, except an empty list of check runs on /ok/. */
async function fakeGitHub(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/repos/acme/ok/commits/')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total_count: 0, check_runs: [] }));
      return;
    }
    response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Bad Gateway' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * A small binary-classification project: 40 rows, a schema, and a trainer (a Node
 * one-liner) whose model scores every row by its feature. `policy` is the roc_auc rule.
 */
async function smallProject(policy: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-codes-'));
  await mkdir(path.join(dir, 'data'));
  await mkdir(path.join(dir, '.github'));
  const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},${(i % 10) / 10},${i % 10 >= 5 ? 1 : 0}`);
  await writeFile(path.join(dir, 'data', 'train.csv'), `id,x,y\n${rows.join('\n')}\n`);
  await writeFile(path.join(dir, 'data', 'production.csv'), `id,x\n${rows.map((row) => row.split(',').slice(0, 2).join(',')).join('\n')}\n`);
  await writeFile(path.join(dir, 'data', 'schema.yml'), 'columns:\n  id: { type: integer, unique: true }\n  x: { type: number, min: 0, max: 1 }\n  y: { type: integer, in: [0, 1], training_only: true }\n');
  const trainer = [
    "const fs = require('fs'), path = require('path'), out = process.env.TRAINYARD_OUTPUT_DIR;",
    "const rows = fs.readFileSync('data/train.csv', 'utf8').trim().split('\\n').slice(1).map((line) => line.split(','));",
    "fs.mkdirSync(path.join(out, 'model'), { recursive: true }); fs.writeFileSync(path.join(out, 'model', 'model.txt'), 'x');",
    "fs.writeFileSync(path.join(out, 'predictions.csv'), 'id,label,score\\n' + rows.map((r) => r[0] + ',' + r[2] + ',' + (0.05 + 0.9 * Number(r[1]))).join('\\n') + '\\n');",
    "fs.writeFileSync(path.join(out, 'metrics.json'), JSON.stringify({ accuracy: 1 }));",
  ].join(' ');
  await writeFile(path.join(dir, 'train.js'), `${trainer}\n`);
  await writeFile(
    path.join(dir, '.github', 'trainyard.yml'),
    [
      'version: 1',
      'models:',
      '  tiny:',
      '    task: binary',
      '    data: { train: data/train.csv, production: data/production.csv, schema: data/schema.yml }',
      '    training: { command: node train.js }',
      `    metrics: { policy: { roc_auc: ${policy} } }`,
      '',
    ].join('\n'),
  );
  return dir;
}

beforeAll(async () => {
  api = await fakeGitHub();
  project = await smallProject('{ greater_is_better: true, threshold: 0.5 }');
    const { readFile } = await import('node:fs/promises');
    const config = await readFile(path.join(project, '.github', 'trainyard.yml'), 'utf8');
    await writeFile(path.join(project, '.github', 'strict.yml'), config.replace('threshold: 0.5', 'threshold: 0.5, min_absolute_change: 0.5'));
    await writeFile(path.join(project, '.github', 'gpu.yml'), config.replace('training: { command: node train.js }', 'training: { command: node train.js, gpus: 1 }'));
    await writeFile(path.join(project, 'data', 'shifted.csv'), `id,x\n${Array.from({ length: 40 }, (_, i) => `${i + 1},${5 + i / 10}`).join('\n')}\n`);
    await writeFile(path.join(project, 'predictions.csv'), `id,label,score\n${Array.from({ length: 40 }, (_, i) => `${i + 1},${i % 2},${(i % 2) * 0.8 + 0.1}`).join('\n')}\n`);
    await writeFile(path.join(project, 'good.json'), '{"roc_auc": 0.9}');
    await writeFile(path.join(project, 'bad.json'), '{"roc_auc": 0.4}');
    await writeFile(path.join(project, 'nan.json'), '{"roc_auc": NaN}');
    await writeFile(path.join(project, 'app.pem'), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    // A registered, promoted version for registry and deploy to find.
    const first = await runCli(['run'], { cwd: project, now: new Date('2026-01-01T00:00:00.000Z') });
    expect(first.code, first.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  api.server.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** An internal error: the data engine breaks as no user input could make it. */
function breakTheEngine(): void {
  vi.spyOn(DataEngine, 'open').mockRejectedValue(new TypeError('the engine broke'));
}

/** An internal error while checking a config: the schema validator breaks as no config could make it. */
function breakTheSchema(): void {
  vi.spyOn(configSchema, 'safeParse').mockImplementation(() => {
    throw new TypeError('the schema broke');
  });
}

const github = () => ({ PATH: process.env.PATH, GITHUB_TOKEN: 'token', GITHUB_API_URL: api.url });

interface Row {
  command: string;
  code: 0 | 1 | 2 | 3;
  argv: string[];
  env?: () => Record<string, string | undefined>;
  before?: () => Promise<void> | void;
  cwd?: () => Promise<string> | string;
}

const ROWS: Row[] = [
  { command: 'config check', code: 0, argv: ['config', 'check'] },
  { command: 'config check', code: 2, argv: ['config', 'check', '--config', 'missing.yml'] },
  { command: 'config check', code: 3, argv: ['config', 'check'], before: breakTheSchema },
  { command: 'validate', code: 0, argv: ['validate', '--data', 'data/train.csv', '--schema', 'data/schema.yml'] },
  { command: 'validate', code: 0, argv: ['validate', '--data', 'data/production.csv', '--schema', 'data/schema.yml', '--role', 'production'] },
  { command: 'validate', code: 1, argv: ['validate', '--data', 'data/production.csv', '--schema', 'data/schema.yml'] },
  { command: 'validate', code: 2, argv: ['validate', '--data', 'data/none.csv', '--schema', 'data/schema.yml'] },
  { command: 'validate', code: 3, argv: ['validate', '--data', 'data/train.csv', '--schema', 'data/schema.yml'], before: breakTheEngine },
  { command: 'schema infer', code: 0, argv: ['schema', 'infer', '--data', 'data/train.csv'] },
  { command: 'schema infer', code: 2, argv: ['schema', 'infer'] },
  { command: 'schema infer', code: 3, argv: ['schema', 'infer', '--data', 'data/train.csv'], before: breakTheEngine },
  { command: 'profile', code: 0, argv: ['profile', '--data', 'data/train.csv', '--out', 'profile.json'] },
  { command: 'profile', code: 2, argv: ['profile', '--data', 'data/train.csv', '--seed', 'x'] },
  { command: 'profile', code: 3, argv: ['profile', '--data', 'data/train.csv', '--out', 'profile.json'], before: breakTheEngine },
  { command: 'drift', code: 0, argv: ['drift', '--reference', 'data/train.csv', '--current', 'data/train.csv'] },
  { command: 'drift', code: 1, argv: ['drift', '--reference', 'data/train.csv', '--current', 'data/shifted.csv', '--columns', 'x'] },
  { command: 'drift', code: 2, argv: ['drift', '--reference', 'data/train.csv', '--current', 'data/train.csv', '--drift-share', '2'] },
  { command: 'drift', code: 3, argv: ['drift', '--reference', 'data/train.csv', '--current', 'data/train.csv'], before: breakTheEngine },
  { command: 'evaluate', code: 0, argv: ['evaluate', '--predictions', 'predictions.csv'] },
  { command: 'evaluate', code: 2, argv: ['evaluate', '--predictions', 'predictions.csv', '--task', 'ranking'] },
  { command: 'evaluate', code: 3, argv: ['evaluate', '--predictions', 'predictions.csv'], before: breakTheEngine },
  { command: 'compare', code: 0, argv: ['compare', '--candidate', 'good.json'] },
  { command: 'compare', code: 1, argv: ['compare', '--candidate', 'bad.json'] },
  { command: 'compare', code: 2, argv: ['compare', '--candidate', 'nan.json'] },
  { command: 'compare', code: 3, argv: ['compare', '--candidate-predictions', 'predictions.csv'], before: breakTheEngine },
  { command: 'train', code: 0, argv: ['train', '--out', 'out-train'] },
  { command: 'train', code: 2, argv: ['train', '--out', 'out-fails', '--command', 'exit 4'] },
  { command: 'train', code: 3, argv: ['train', '--out', 'out-gpu', '--config', '.github/gpu.yml'], env: () => ({ PATH: '/nonexistent' }) },
  { command: 'run', code: 0, argv: ['run'] },
  { command: 'run', code: 1, argv: ['run', '--config', '.github/strict.yml'] },
  { command: 'run', code: 2, argv: ['run', '--model', 'nope'] },
  { command: 'run', code: 3, argv: ['run'], before: breakTheEngine },
  { command: 'registry', code: 0, argv: ['registry', 'list'] },
  { command: 'registry', code: 2, argv: ['registry', 'history', 'tinny'] },
  { command: 'registry', code: 3, argv: ['registry', 'list', '--registry', 'github:acme/models'], env: github },
  { command: 'deploy', code: 0, argv: ['deploy', '--environment', 'staging', '--dry-run'] },
  { command: 'deploy', code: 1, argv: ['deploy', '--environment', 'production', '--registry', 'github:acme/ok', '--require-check', SHA, '--check-app-id', '1'], env: github },
  { command: 'deploy', code: 2, argv: ['deploy', '--environment', 'staging', '--version', 'latest'] },
  { command: 'deploy', code: 3, argv: ['deploy', '--environment', 'production', '--registry', 'github:acme/models', '--require-check', SHA, '--check-app-id', '1'], env: github },
  { command: 'runner', code: 0, argv: ['runner', 'jitconfig', '--repo', 'acme/models', '--dry-run'] },
  { command: 'runner', code: 1, argv: ['runner', 'guard', '--event', path.resolve('test/fixtures/runner/fork-pr-synchronize.json'), '--event-name', 'pull_request'], env: () => ({ RUNNER_ENVIRONMENT: 'self-hosted' }) },
  { command: 'runner', code: 2, argv: ['runner', 'jitconfig', '--repo', 'acme'] },
  { command: 'runner', code: 3, argv: ['runner', 'jitconfig', '--repo', 'acme/models', '--app-id', '1', '--private-key', 'app.pem'], env: () => ({ GITHUB_API_URL: api.url }) },
  { command: 'init', code: 0, argv: ['init', '--yes', '--command', 'node train.js'], cwd: async () => initProject(false) },
  { command: 'init', code: 2, argv: ['init', '--yes', '--task', 'ranking'], cwd: async () => initProject(false) },
  { command: 'init', code: 3, argv: ['init', '--yes', '--command', 'node train.js'], cwd: async () => initProject(true), before: breakTheEngine },
  { command: 'sandbox', code: 2, argv: ['sandbox', '--scenario', 'birthday'] },
  // The simulated GitHub fails 99% of the App's and the CLI's requests: a service failure, not a gate.
  { command: 'sandbox', code: 3, argv: ['sandbox', '--scenario', 'lifecycle', '--faults', '0.99'] },
  { command: 'doctor', code: 2, argv: ['doctor', '--repo', 'acme', '--app-id', '1'], env: github },
  { command: 'doctor', code: 3, argv: ['doctor', '--repo', 'acme/models', '--app-id', '1'], env: github },
  { command: 'app create', code: 0, argv: ['app', 'create', '--print-manifest', '--owner', 'acme'] },
  { command: 'app create', code: 2, argv: ['app', 'create', '--print-manifest', '--webhook-url', 'ftp://x'] },
];

/** A repository for init: the small project's data and trainer, without trainyard's files (and without a schema when `bare`). */
async function initProject(bare: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-codes-init-'));
  await mkdir(path.join(dir, 'data'));
  for (const file of ['data/train.csv', 'data/production.csv', 'train.js', ...(bare ? [] : ['data/schema.yml'])]) {
    const { readFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, file), await readFile(path.join(project, file)));
  }
  return dir;
}

describe('exit codes', () => {

  it.each(ROWS.map((row) => [row.command, row.code, row.argv.join(' '), row] as const))('trainyard %s exits %i: %s', async (_command, code, _argv, row) => {
    const cwd = row.cwd ? await row.cwd() : project;
    await row.before?.();
    const result = await runCli(row.argv, { cwd, env: row.env ? { PATH: process.env.PATH, ...row.env() } : { PATH: process.env.PATH } });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(code);
    // Whatever went wrong is one line on stderr (after the progress `run` prints there).
    if (code >= 2) expect(result.stderr.trim().split('\n').filter((line) => /^(trainyard|error)/.test(line)), result.stderr).toHaveLength(1);
    if (code === 3 && row.before === breakTheEngine) expect(result.stderr).toMatch(/^trainyard: internal error: the engine broke/m);
    if (code === 3 && row.env === github) expect(result.stderr).toMatch(/502/);
    if (code === 3 && row.before === breakTheSchema) expect(result.stderr).toMatch(/^trainyard: internal error: the schema broke/m);
    if (code === 3 && row.command === 'sandbox') expect(result.stderr).toMatch(/^trainyard: .*HTTP 502/m);
  }, 60_000);
});

describe('the small things', () => {
  it('a failed training still leaves its report and lineage, and exits 2; runs in the same millisecond get folders of their own', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const config = await readFile(path.join(project, '.github', 'trainyard.yml'), 'utf8');
    await writeFile(path.join(project, '.github', 'failing.yml'), config.replace('training: { command: node train.js }', 'training: { command: "echo half-way; exit 7" }'));
    const now = new Date('2026-02-02T02:02:02.222Z');
    const failed = await runCli(['run', '--config', '.github/failing.yml'], { cwd: project, now });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('| train | ❌ | models.tiny: "echo half-way; exit 7" exited with status 7');
    expect(failed.stdout).toContain('Training failed: models.tiny: "echo half-way; exit 7" exited with status 7');
    const again = await runCli(['run'], { cwd: project, now });
    expect(again.code, again.stderr).toBe(0);
    const runs = (await readdir(path.join(project, '.trainyard', 'runs'))).filter((name) => name.startsWith('2026-02-02'));
    expect(runs.sort()).toEqual(['2026-02-02T02-02-02-222Z', '2026-02-02T02-02-02-222Z-2']);
    expect(await readFile(path.join(project, '.trainyard', 'runs', runs[0]!, 'report.md'), 'utf8')).toContain('Training failed');
    expect(await readdir(path.join(project, '.trainyard', 'runs', runs[0]!, 'tiny'))).toEqual(expect.arrayContaining(['lineage.json', 'train.log']));
  }, 60_000);

  it('a local deploy records that no protection rules applied; in Actions, the environment\'s', async () => {
    const local = await runCli(['deploy', '--environment', 'qa'], { cwd: project, env: { PATH: process.env.PATH, USER: 'alice' } });
    expect(local.code, local.stderr).toBe(0);
    const history = await runCli(['registry', 'history', 'tiny', '--environment', 'qa', '--json'], { cwd: project });
    const [record] = (JSON.parse(history.stdout) as { history: Array<{ gate: { summary: string } }> }).history;
    expect(record!.gate.summary).toBe("deployed from alice's machine; no protection rules apply outside GitHub Actions");
    await runCli(['deploy', '--environment', 'qa-ci'], { cwd: project, env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true' } });
    const ci = await runCli(['registry', 'history', 'tiny', '--environment', 'qa-ci', '--json'], { cwd: project });
    expect((JSON.parse(ci.stdout) as { history: Array<{ gate: { summary: string } }> }).history[0]!.gate.summary).toBe('approved by the protection rules of the environment "qa-ci"');
  });

  it('evaluate --slice-by joins data whose id column has another name (--data-id)', async () => {
    await writeFile(path.join(project, 'segments.csv'), `customer_id,segment\n${Array.from({ length: 40 }, (_, i) => `${i + 1},${i < 20 ? 'new' : 'old'}`).join('\n')}\n`);
    const result = await runCli(['evaluate', '--predictions', 'predictions.csv', '--slice-by', 'segment', '--data', 'segments.csv', '--data-id', 'customer_id', '--json'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const segments = (JSON.parse(result.stdout) as { slices: { column: string; segments: Array<{ segment: string; rows: number }> } }).slices;
    expect(segments.column).toBe('segment');
    expect(segments.segments.map((segment) => [segment.segment, segment.rows])).toEqual([['new', 20], ['old', 20]]);
    const missing = await runCli(['evaluate', '--predictions', 'predictions.csv', '--slice-by', 'segment', '--data', 'segments.csv'], { cwd: project });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/segments\.csv: no id column "id" to join predictions and data on; it has: customer_id, segment; choose one with --data-id/);
  });
});
