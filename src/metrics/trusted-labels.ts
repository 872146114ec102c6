/**
 * Where the labels of the evaluation rows are read from. In a pull request's workflow
 * the working tree is the pull request's own code and data, so the evaluation data is
 * read from a git ref instead (the base branch, `git show <ref>:<path>`): the pull
 * request cannot change the labels it is judged against. When that ref cannot be read,
 * the working tree is used and the comparison says so (`trusted: false`).
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { parseConfig } from '../config/load.ts';
import type { ModelConfig } from '../config/schema.ts';
import { DataError, UsageError } from '../errors.ts';
import { globToRegExp, isGlob } from '../util/glob.ts';

const run = promisify(execFile);

/** Where the labels of a comparison on the evaluation rows came from. */
export interface LabelProvenance {
  /** The data the labels were read from: `<ref>:<path>` from git, `working tree:<path>` from the files on disk. */
  labels: string;
  /** False when a ref was asked for and could not be read, so the labels came from the working tree (which the change being judged may have edited). */
  trusted: boolean;
  /** Why the ref was not used, when it was not. */
  fallback: string | null;
}

/** The evaluation data as the comparison reads it: its paths (absolute) and where they came from. */
export interface TrustedEvaluationData extends LabelProvenance {
  /** The data paths (files, folders or globs), absolute: under `dir` when read from a ref. */
  paths: string | string[];
}

/** The ref an evaluation reads its labels from: the one given, else the pull request's base branch, else none (the working tree). */
export function defaultEvaluationRef(given: string | undefined, env: Record<string, string | undefined>): string | null {
  if (given !== undefined) {
    if (given.trim() === '' || given.startsWith('-')) throw new UsageError(`--evaluation-ref ${JSON.stringify(given)}: expected a git ref, such as origin/main`);
    return given;
  }
  const base = env.GITHUB_BASE_REF;
  return base ? `origin/${base}` : null;
}

const posix = (file: string): string => file.split(path.sep).join('/');

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', cwd, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Writes `<ref>:<file>` (`git show`) to `target`. */
async function showInto(cwd: string, ref: string, file: string, target: string): Promise<void> {
  const child = spawn('git', ['-C', cwd, 'show', `${ref}:${file}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  await pipeline(child.stdout, createWriteStream(target));
  const code = await exited;
  if (code !== 0) throw new Error(stderr.trim() || `git show exited ${code}`);
}

const LFS_POINTER = 'version https://git-lfs.github.com/spec/';

async function isLfsPointer(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(LFS_POINTER.length), 0, LFS_POINTER.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8') === LFS_POINTER;
  } finally {
    await handle.close();
  }
}

/** The files of `ref` a data path (file, folder or glob, relative to the repository's top) names. */
async function filesAt(top: string, ref: string, pattern: string): Promise<string[]> {
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const prefix = (firstGlob === -1 ? segments : segments.slice(0, firstGlob)).join('/');
  const listed = (await git(top, ['ls-tree', '-r', '-z', '--name-only', ref, '--', prefix || '.'])).split('\0').filter(Boolean);
  if (firstGlob === -1) return listed.filter((file) => file === pattern || file.startsWith(`${pattern}/`));
  const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
  return listed.filter((file) => file.startsWith(prefix ? `${prefix}/` : '') && matcher.test(prefix ? file.slice(prefix.length + 1) : file));
}

const shownPaths = (where: string, paths: string[]): string => paths.map((entry) => `${where}:${entry}`).join(', ');

/**
 * The evaluation data (`patterns`, relative to the project `root`) read from `ref` into
 * `dir`, or the working tree's when `ref` is null, or when it cannot be read (then
 * `trusted` is false and `fallback` says why).
 */
export async function readEvaluationData(input: { root: string; patterns: string | string[]; ref: string | null; dir: string }): Promise<TrustedEvaluationData> {
  const list = Array.isArray(input.patterns) ? input.patterns : [input.patterns];
  const workingTree = (fallback: string | null): TrustedEvaluationData => ({
    paths: Array.isArray(input.patterns) ? list.map((entry) => path.resolve(input.root, entry)) : path.resolve(input.root, input.patterns),
    labels: shownPaths('working tree', list),
    trusted: fallback === null,
    fallback,
  });
  const ref = input.ref;
  if (ref === null) return workingTree(null);
  let top: string;
  try {
    top = (await git(input.root, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return workingTree(`${input.root} is not in a git repository, so ${ref} could not be read`);
  }
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return workingTree(`the ref ${ref} is not in the clone (check out with fetch-depth: 0 so the base branch is there)`);
  }
  const inRepo = list.map((entry) => {
    const relative = posix(path.relative(top, path.resolve(input.root, entry)));
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new DataError(`${entry}: the evaluation data is outside the git repository ${top}; expected a path in it, to read from ${ref}`);
    return relative;
  });
  const written: string[] = [];
  for (const [index, relative] of inRepo.entries()) {
    const files = await filesAt(top, ref, relative);
    if (files.length === 0) return workingTree(`${list[index]} is not on ${ref}`);
    for (const file of files) {
      const target = path.join(input.dir, ...file.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await showInto(top, ref, file, target);
      } catch (error) {
        throw new DataError(`git show ${ref}:${file} failed (${(error as Error).message.split('\n')[0]}); expected to read the evaluation data from ${ref}`);
      }
      if (await isLfsPointer(target)) throw new DataError(`${ref}:${file} is a Git LFS pointer, not the data; trainyard reads the evaluation labels with git show, so keep the evaluation data (evaluation.file, or data.train for a split) out of Git LFS`);
    }
    written.push(path.join(input.dir, ...relative.split('/')));
  }
  return {
    paths: Array.isArray(input.patterns) ? written : written[0]!,
    labels: shownPaths(ref, inRepo),
    trusted: true,
    fallback: null,
  };
}

/** What a comparison on the evaluation rows reads: the model's evaluation section and data, and where they came from. */
export interface TrustedEvaluation {
  /** The model with the evaluation section (and `data.train`) that judges it: the ref's when the ref's config has one. */
  model: ModelConfig;
  data: TrustedEvaluationData;
  /** Sentences for the report about the section (the data's provenance is in `data`). */
  notes: string[];
}

/** The model's evaluation section and `data.train` in the config at `ref`, or null (no such ref, file, model or section there). */
async function sectionAt(root: string, configFile: string, name: string, ref: string): Promise<Pick<ModelConfig, 'evaluation' | 'data'> | null> {
  try {
    const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
    const file = posix(path.relative(top, path.resolve(configFile)));
    const text = await git(top, ['show', `${ref}:${file}`]);
    const model = parseConfig(text, `${ref}:${file}`).models[name];
    return model?.evaluation ? { evaluation: model.evaluation, data: model.data } : null;
  } catch {
    return null;
  }
}

/**
 * The evaluation section and data a model is judged with. With a ref, both come from
 * it when its config has the model's evaluation section (a change that edits the
 * section, the label expression or the tolerance is still judged by the ref's); the
 * data from the working tree when the ref cannot be read, saying so.
 */
export async function trustedEvaluation(input: { root: string; configFile: string; name: string; model: ModelConfig; ref: string | null; dir: string }): Promise<TrustedEvaluation> {
  const notes: string[] = [];
  let model = input.model;
  const base = input.ref ? await sectionAt(input.root, input.configFile, input.name, input.ref) : null;
  if (base) {
    const own = { evaluation: input.model.evaluation, train: input.model.evaluation?.file ? null : input.model.data.train };
    const theirs = { evaluation: base.evaluation, train: base.evaluation?.file ? null : base.data.train };
    if (JSON.stringify(own) !== JSON.stringify(theirs)) notes.push(`The evaluation section (and the data it names) is ${input.ref}'s: the change being judged edits it, and its own is not used to judge it.`);
    model = { ...input.model, evaluation: base.evaluation, data: { ...input.model.data, train: base.data.train } };
  }
  const evaluation = model.evaluation!;
  const data = await readEvaluationData({ root: input.root, patterns: evaluation.file ?? model.data.train, ref: input.ref, dir: input.dir });
  return { model, data, notes };
}
