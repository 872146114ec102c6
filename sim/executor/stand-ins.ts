/**
 * Third-party actions as stand-ins with their inputs and outputs: actions/checkout
 * writes the repository at GITHUB_SHA (a pull request's test merge) or its `ref` from
 * the simulator's git (a token in .git/config only with persist-credentials; with
 * fetch-depth 0 every branch's history as origin/<branch>), upload/download-artifact
 * keep the run's artifacts (zipped into the simulator's artifact API when the run
 * completes),
 * setup-node and setup-python take the machine's, actions/cache restores a preseeded
 * local folder or misses. Any other action fails the step, naming it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Simulator } from '../simulator.ts';
import { checkoutCommit } from './runner-files.ts';

export interface StandInContext {
  uses: string;
  with: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
  temp: string;
  sim: Simulator;
  repo: string;
  /** GITHUB_SHA and GITHUB_REF: what checkout checks out by default. */
  sha: string;
  ref: string;
  token: string;
  /** The run's artifacts: name -> folder. */
  artifacts: Map<string, string>;
  cache: Map<string, string>;
  runId: number;
}

export interface StandInResult {
  ok: boolean;
  outputs: Record<string, string>;
  log: string;
}

type StandIn = (context: StandInContext) => StandInResult | Promise<StandInResult>;

const KNOWN: Record<string, { inputs: string[]; run: StandIn }> = {
  'actions/checkout': { inputs: ['repository', 'ref', 'path', 'persist-credentials', 'fetch-depth', 'token'], run: checkout },
  'actions/upload-artifact': { inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'], run: upload },
  'actions/download-artifact': { inputs: ['name', 'path'], run: download },
  'actions/setup-node': { inputs: ['node-version', 'cache', 'registry-url'], run: setupNode },
  'actions/setup-python': { inputs: ['python-version', 'cache'], run: setupPython },
  'actions/cache': { inputs: ['path', 'key', 'restore-keys'], run: cache },
};

export async function standIn(context: StandInContext): Promise<StandInResult> {
  const name = context.uses.split('@')[0]!;
  const known = KNOWN[name];
  if (!known) throw new UnsupportedActionError(`the action ${context.uses} has no stand-in in the workflow executor`);
  const unknown = Object.keys(context.with).filter((key) => !known.inputs.includes(key));
  if (unknown.length > 0) throw new UnsupportedActionError(`${context.uses}: the stand-in does not support the input(s) ${unknown.join(', ')}`);
  return known.run(context);
}

/** Thrown for an action or input the executor cannot stand in for: the run fails loudly. */
export class UnsupportedActionError extends Error {}

function checkout(context: StandInContext): StandInResult {
  const { with: inputs } = context;
  if (inputs.repository && inputs.repository !== context.repo) throw new UnsupportedActionError(`actions/checkout: repository ${inputs.repository} (only the workflow's own repository)`);
  const state = context.sim.state.repo(context.repo)!;
  const ref = inputs.ref || context.ref;
  const sha = !inputs.ref ? context.sha : /^[0-9a-f]{40}$/.test(ref) ? ref : state.git.refs.get(ref.startsWith('refs/') ? ref : `refs/heads/${ref}`);
  if (!sha) return { ok: false, outputs: {}, log: `actions/checkout: no ref ${ref}\n` };
  const depth = inputs['fetch-depth'] ?? '1';
  if (depth !== '0' && depth !== '1') throw new UnsupportedActionError(`actions/checkout: fetch-depth ${depth} (the stand-in fetches one commit, or with 0 every branch's history)`);
  const dir = path.resolve(context.workspace, inputs.path ?? '.');
  checkoutCommit(state.git, sha, dir, { history: depth === '0' });
  execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', `https://github.com/${context.repo}`]);
  if ((inputs['persist-credentials'] ?? 'true') !== 'false') {
    const basic = Buffer.from(`x-access-token:${inputs.token || context.token}`).toString('base64');
    execFileSync('git', ['-C', dir, 'config', '--local', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${basic}`]);
  }
  return { ok: true, outputs: { ref, commit: sha }, log: `checked out ${context.repo}@${sha}\n` };
}

function upload(context: StandInContext): StandInResult {
  const name = context.with.name || 'artifact';
  const paths = (context.with.path ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  if (paths.length === 0) return { ok: false, outputs: {}, log: 'Input required and not supplied: path\n' };
  if (paths.some((entry) => /[*?[]/.test(entry) || entry.startsWith('!'))) throw new UnsupportedActionError(`actions/upload-artifact: glob patterns in path (${paths.join(', ')})`);
  const found = paths.map((entry) => path.resolve(context.workspace, entry)).filter((entry) => existsSync(entry));
  const noFiles = found.length === 0 || found.every((entry) => statSync(entry).isDirectory() && readdirSync(entry).length === 0);
  if (noFiles) {
    const mode = context.with['if-no-files-found'] || 'warn';
    const message = `No files were found with the provided path: ${paths.join('\n')}. No artifacts will be uploaded.\n`;
    return { ok: mode !== 'error', outputs: {}, log: mode === 'ignore' ? '' : message };
  }
  if (context.artifacts.has(name) && context.with.overwrite !== 'true') return { ok: false, outputs: {}, log: `Failed to CreateArtifact: an artifact with this name already exists on the workflow run: ${name}\n` };
  const target = path.join(context.temp, '..', '..', `artifact-${name}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const source of found) {
    if (found.length === 1 && statSync(source).isDirectory()) cpSync(source, target, { recursive: true });
    else cpSync(source, path.join(target, path.basename(source)), { recursive: true });
  }
  context.artifacts.set(name, target);
  const id = context.sim.state.ids.next();
  return { ok: true, outputs: { 'artifact-id': String(id), 'artifact-url': `https://github.com/${context.repo}/actions/runs/${context.runId}/artifacts/${id}` }, log: `uploaded artifact ${name}\n` };
}

function download(context: StandInContext): StandInResult {
  const name = context.with.name;
  if (!name) throw new UnsupportedActionError('actions/download-artifact without name (every artifact)');
  const source = context.artifacts.get(name);
  if (!source) return { ok: false, outputs: {}, log: `Unable to download artifact(s): Artifact not found for name: ${name}\n` };
  const target = path.resolve(context.workspace, context.with.path || '.');
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true });
  return { ok: true, outputs: { 'download-path': target }, log: `downloaded artifact ${name} to ${target}\n` };
}

function setupNode(): StandInResult {
  return { ok: true, outputs: { 'node-version': process.version }, log: `using the machine's Node.js ${process.version}\n` };
}

function setupPython(): StandInResult {
  try {
    const version = execFileSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim();
    return { ok: true, outputs: { 'python-version': version }, log: `using the machine's Python ${version}\n` };
  } catch {
    return { ok: false, outputs: {}, log: 'actions/setup-python: no python3 on this machine\n' };
  }
}

function cache(context: StandInContext): StandInResult {
  const key = context.with.key ?? '';
  const seeded = context.cache.get(key);
  if (!seeded) return { ok: true, outputs: { 'cache-hit': 'false' }, log: `Cache not found for input keys: ${key}\n` };
  const paths = (context.with.path ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  if (paths.length !== 1) throw new UnsupportedActionError('actions/cache: the stand-in restores exactly one path');
  const target = path.resolve(context.workspace, paths[0]!);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(seeded, target, 'dir');
  return { ok: true, outputs: { 'cache-hit': 'true', 'cache-primary-key': key, 'cache-matched-key': key }, log: `Cache restored from key: ${key}\n` };
}
