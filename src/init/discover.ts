/**
 * Finds what a new trainyard config needs in a repository's file list: the data files,
 * the training and production data, the training script and a data schema. Pure: the
 * file list comes from the caller, so the rules are testable with plain arrays.
 */
import { MODEL_NAME } from '../config/schema.ts';
import type { Discovery, RepoFile } from './types.ts';

const DATA_EXTENSIONS = /\.(csv|tsv|parquet|jsonl|ndjson)$/i;
const JSON_DATA = /\.json$/i;
/** Folders whose JSON files are data rather than tool configuration. */
const DATA_FOLDER = /(^|\/)(data|datasets?)\//i;
const TRAIN = /(^|[^a-z])train(ing)?([^a-z]|$)/i;
const PRODUCTION = /(^|[^a-z])(prod|production|serving|live|current|recent|scoring)([^a-z]|$)/i;
const TEST_SPLIT = /(^|[^a-z])(test|valid|validation|eval|holdout)([^a-z]|$)/i;

/** Training script names, most likely first; a root-level script beats one in a folder. */
const SCRIPT_NAMES = ['train.py', 'train.mjs', 'train.js', 'train.ts', 'train.sh', 'main.py'];
const SCRIPT_FOLDERS = ['', 'scripts/', 'src/', 'training/'];

function isData(file: RepoFile): boolean {
  return DATA_EXTENSIONS.test(file.path) || (JSON_DATA.test(file.path) && DATA_FOLDER.test(file.path));
}

function basename(file: string): string {
  return file.split('/').at(-1)!;
}

function dirname(file: string): string {
  const parts = file.split('/');
  return parts.slice(0, -1).join('/');
}

/** Training data: a file named for training, else the largest file not named for another split. */
function pickTrain(files: RepoFile[]): string | undefined {
  const named = files.filter((file) => TRAIN.test(basename(file.path)));
  const pool = named.length > 0 ? named : files.filter((file) => !PRODUCTION.test(basename(file.path)) && !TEST_SPLIT.test(basename(file.path)));
  return [...pool].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))[0]?.path;
}

function pickProduction(files: RepoFile[], train: string | undefined): string | undefined {
  return files.filter((file) => file.path !== train && PRODUCTION.test(basename(file.path))).sort((a, b) => a.path.localeCompare(b.path))[0]?.path;
}

function rankScripts(paths: Set<string>): string[] {
  const found: string[] = [];
  for (const folder of SCRIPT_FOLDERS) for (const name of SCRIPT_NAMES) if (paths.has(folder + name)) found.push(folder + name);
  return found;
}

function schemaCandidates(paths: string[], train: string | undefined): string[] {
  const folders = train === undefined ? [''] : [dirname(train), ''];
  const candidates: string[] = [];
  for (const folder of folders) {
    for (const file of paths) {
      if (dirname(file) === folder && /^(schema|.+\.schema)\.ya?ml$/i.test(basename(file)) && !candidates.includes(file)) candidates.push(file);
    }
  }
  return candidates;
}

/**
 * The Python dependency file a training job installs: a lock first (uv.lock), then
 * requirements.txt, pyproject.toml and a conda environment.yml, beside the training
 * script or at the root.
 */
const PYTHON_DEPENDENCY_FILES = ['uv.lock', 'requirements.txt', 'pyproject.toml', 'environment.yml', 'environment.yaml'];

function pythonDependencies(paths: Set<string>, script: string | undefined): string | undefined {
  const folders = [...new Set([script ? dirname(script) : '', ''])];
  for (const folder of folders) {
    for (const name of PYTHON_DEPENDENCY_FILES) {
      const file = folder ? `${folder}/${name}` : name;
      if (paths.has(file)) return file;
    }
  }
  return undefined;
}

/** A valid model name made from a folder name: `My Repo_2` -> `my-repo_2`. */
export function modelNameFrom(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 63).replace(/-+$/, '');
  return MODEL_NAME.test(name) ? name : 'model';
}

export function discover(input: { files: RepoFile[]; folderName: string; defaultBranch: string }): Discovery {
  const data = input.files.filter(isData);
  const train = pickTrain(data);
  const production = pickProduction(data, train);
  const dataFiles = [...data.map((file) => file.path)].sort((a, b) => Number(b === train) - Number(a === train) || a.localeCompare(b));
  const paths = input.files.map((file) => file.path);
  const scripts = rankScripts(new Set(paths));
  return {
    dataFiles,
    train,
    production,
    scripts,
    pythonDependencies: pythonDependencies(new Set(paths), scripts[0]),
    schemaCandidates: schemaCandidates(paths, train),
    defaultBranch: input.defaultBranch,
    suggestedModel: modelNameFrom(input.folderName),
  };
}

/** The command that runs a training script, chosen by its extension. */
export function commandFor(script: string): string {
  const quoted = /^[\w./-]+$/.test(script) ? script : `"${script.replace(/(["\\$`])/g, '\\$1')}"`;
  if (script.endsWith('.py')) return `python ${quoted}`;
  if (script.endsWith('.ts')) return `npx tsx ${quoted}`;
  if (script.endsWith('.sh')) return `bash ${quoted}`;
  return `node ${quoted}`;
}
