/**
 * The package a user installs: `npm pack` of this checkout, installed from the tarball
 * into empty folders as `npm i -D trainyard` would, then run through `npx trainyard`.
 * One pack for the file; each project installs the same tarball (from the npm cache,
 * offline when it can).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const exec = promisify(execFile);
const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { version: string; files: string[]; dependencies: Record<string, string>; private?: boolean; bin: Record<string, string> };

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Result> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

let tarball: string;

/** Installs the tarball into `dir` as a dev dependency: offline from the npm cache when it can. */
async function install(dir: string): Promise<void> {
  if (!existsSync(path.join(dir, 'package.json'))) await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: path.basename(dir), private: true }, null, 2)}\n`);
  const args = ['install', '--save-dev', '--no-audit', '--no-fund', tarball];
  let result = await run('npm', [...args, '--offline'], dir);
  if (result.code !== 0) result = await run('npm', [...args, '--prefer-offline'], dir);
  expect(result.code, result.stderr).toBe(0);
}

/** `npx trainyard ...` in `dir`, never fetching anything. */
function npx(dir: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Result> {
  return run('npx', ['--no', '--', 'trainyard', ...args], dir, env);
}

beforeAll(async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'trainyard-pack-'));
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], process.cwd());
  expect(packed.code, packed.stderr).toBe(0);
  const [entry] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
  tarball = path.join(folder, entry!.filename);
}, 120_000);

describe('the npm package', () => {
  it('is publishable: not private, a bin, only the built files, the bundle\'s runtime as its dependency', async () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ trainyard: 'dist/trainyard.js' });
    expect(Object.keys(manifest.dependencies)).toEqual(['@duckdb/node-api']);
    const listing = (await run('tar', ['-tvzf', tarball], process.cwd())).stdout.split('\n').filter(Boolean);
    const names = listing.map((line) => line.split(/\s+/).at(-1)!);
    expect(names).toContain('package/dist/trainyard.js');
    expect(names).toContain('package/schema/trainyard.schema.json');
    expect(names).toContain('package/app/app.yml');
    expect(names.filter((name) => /^package\/(src|sim|test|bench|node_modules|dist\/node_modules)\//.test(name) || (name.startsWith('package/app/') && !['package/app/app.yml', 'package/app/README.md'].includes(name)))).toEqual([]);
    // The bin is executable in the tarball and in git, so installing it changes no mode.
    expect(listing.find((line) => line.endsWith(' package/dist/trainyard.js'))).toMatch(/^-rwxr-xr-x /);
    expect((await run('git', ['ls-files', '-s', 'dist/trainyard.js'], process.cwd())).stdout).toMatch(/^100755 /);
  });

  it('installs into an empty folder and runs: --version, init, config check, run', async () => {
    const project = path.join(await mkdtemp(path.join(tmpdir(), 'trainyard-npx-')), 'delays');
    await cp('examples/flight-delays', project, { recursive: true, filter: (source) => !source.includes(`${path.sep}.`) });
    await install(project);
    const version = await npx(project, ['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    const init = await npx(project, ['init', '--yes', '--command', 'node train.mjs']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('wrote .github/trainyard.yml');
    expect(await readFile(path.join(project, '.gitignore'), 'utf8')).toContain('.trainyard/\n');
    expect((await npx(project, ['config', 'check'])).code).toBe(0);
    const first = await npx(project, ['run']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('registered delays@v1, promoted to production (#1)');
    // The App's manifest ships with the package: `app create` builds it from app/app.yml.
    const printed = await npx(project, ['app', 'create', '--print-manifest', '--owner', 'acme']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^POST https:\/\/github\.com\/organizations\/acme\/settings\/apps\/new\?state=/);
    expect(printed.stdout).toContain('"deployment_protection_rule"');
  }, 240_000);
});

/** A Python 3 with scikit-learn and pandas (Debian's python3-sklearn), or null. */
async function sklearnPython(): Promise<string | null> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if ((await run(candidate, ['-c', 'import sklearn, pandas'], process.cwd())).code === 0) return candidate;
  }
  return null;
}

const python = await sklearnPython();
if (!python) console.warn('test/package: no python3 with scikit-learn and pandas (apt-get install python3-sklearn python3-pandas); the scikit-learn project is skipped');

describe.skipIf(!python)('a scikit-learn project from the tarball (production data without the label)', () => {
  it('goes init -> config check -> run with exit 0 on the first try; drift leaves out the id and the label; the policy gates the candidate', async () => {
    const project = path.join(await mkdtemp(path.join(tmpdir(), 'trainyard-sklearn-')), 'churn');
    await mkdir(project);
    for (const file of ['train.py', 'requirements.txt']) await cp(path.join('test/fixtures/sklearn-churn', file), path.join(project, file));
    expect((await run(process.execPath, [path.resolve('test/fixtures/sklearn-churn/make-data.mjs'), project], project)).code).toBe(0);
    // `python` is the one with scikit-learn, as in the team's virtual environment.
    const bin = path.join(project, '..', 'bin');
    await mkdir(bin);
    await symlink(python!, path.join(bin, 'python'));
    await chmod(path.join(bin, 'python'), 0o755).catch(() => {});
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
    await install(project);

    const init = await npx(project, ['init', '--yes'], env);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('training_only in the schema (production lacks them): churned');
    const config = parse(await readFile(path.join(project, '.github/trainyard.yml'), 'utf8')) as { models: Record<string, { training: { command: string }; metrics: { policy: Record<string, unknown> } }> };
    expect(config.models.churn!.training.command).toBe('python train.py');
    expect(config.models.churn!.metrics.policy).toEqual({ roc_auc: { greater_is_better: true, threshold: 0.5, min_relative_change: 0 } });
    expect(await readFile(path.join(project, '.gitignore'), 'utf8')).toContain('.trainyard/');
    // The Python dependencies are wired into the training job.
    expect(init.stdout).toContain('the training job installs requirements.txt into a virtual environment (python-requirements)');
    expect(await readFile(path.join(project, '.github/workflows/trainyard-pr.yml'), 'utf8')).toContain('      python-requirements: "requirements.txt"\n');

    const check = await npx(project, ['config', 'check'], env);
    expect(check).toMatchObject({ code: 0, stdout: '.github/trainyard.yml: valid, 1 model (churn)\n' });

    const first = await npx(project, ['run'], env);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('| validate | ✅ | train valid (2,000 rows), production valid (800 rows) |');
    expect(first.stdout).toContain('| compare | ✅ | against the trainer\'s baseline (no champion yet): pass: roc_auc, the one gated metric, met the policy |');
    expect(first.stdout).toContain('registered churn@v1, promoted to production (#1)');
    const runs = path.join(project, '.trainyard', 'runs');
    const [firstRun] = (await readdir(runs)).sort();
    const drift = JSON.parse(await readFile(path.join(runs, firstRun!, 'churn', 'drift.json'), 'utf8')) as { drifted: boolean; columns: Array<{ column: string }>; excluded: Array<{ column: string; reason: string }> };
    expect(drift.drifted).toBe(false);
    expect(drift.columns.map((column) => column.column)).toEqual(['contract', 'tenure_months', 'monthly_charges', 'support_calls']);
    expect(drift.excluded.map((entry) => entry.column)).toEqual(['customer_id', 'signup_date', 'churned']);
    expect(drift.excluded.find((entry) => entry.column === 'churned')!.reason).toMatch(/training_only/);

    // The second candidate meets the champion under the policy, on the same held-out rows.
    const second = await npx(project, ['run'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/\| compare \| ✅ \| against champion churn@v1: pass: roc_auc, the one gated metric, met the policy \|/);
    expect((await readdir(runs)).length).toBe(2);
  }, 300_000);
});
