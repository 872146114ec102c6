/**
 * Turns what init found, the flags and (with a terminal) the user's answers into the
 * choices the files are written from. Every answer is checked here, so a bad flag or
 * answer is one clear UsageError before anything is planned.
 */
import { parse } from 'yaml';
import { MODEL_NAME } from '../config/schema.ts';
import { UsageError } from '../errors.ts';
import { commandFor } from './discover.ts';
import type { Discovery, InitChoices, Task } from './types.ts';

const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/** Flags given on the command line; absent ones fall back to what init found. */
export interface InitFlags {
  model?: string;
  task?: string;
  command?: string;
  data?: string;
}

/** Asks one question with a default answer; an empty answer keeps the default. */
export type Ask = (question: string, fallback: string) => Promise<string>;

/** Whether a YAML text is a trainyard data schema (a `columns` mapping). */
export function isDataSchema(text: string): boolean {
  try {
    const value = parse(text) as { columns?: unknown } | null;
    return typeof value?.columns === 'object' && value.columns !== null && !Array.isArray(value.columns);
  } catch {
    return false;
  }
}

function checkModel(name: string): string {
  if (!MODEL_NAME.test(name)) throw new UsageError(`model name "${name}" is invalid; expected lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 63 characters`);
  return name;
}

function checkTask(task: string): Task {
  if (!(TASKS as readonly string[]).includes(task)) throw new UsageError(`task "${task}" is invalid; expected one of ${TASKS.join(', ')}`);
  return task as Task;
}

export async function resolveChoices(input: {
  discovery: Discovery;
  flags: InitFlags;
  /** Texts of the discovery's schema candidates, by path. */
  schemaTexts: Record<string, string>;
  ask: Ask | undefined;
}): Promise<InitChoices> {
  const { discovery, flags } = input;
  const ask: Ask = input.ask ?? (async (_question, fallback) => fallback);
  const model = checkModel(flags.model ?? (await ask('Model name', discovery.suggestedModel)));
  const task = checkTask(flags.task ?? (await ask(`Task (${TASKS.join(', ')})`, 'binary')));
  const train = flags.data ?? discovery.train ?? (input.ask ? await ask('Training data (a file, directory or glob)', '') : undefined);
  if (!train) throw new UsageError('no training data found (CSV, TSV, Parquet, JSON Lines); pass --data <file|dir|glob>');
  const script = discovery.scripts[0];
  const command = flags.command ?? (await ask('Training command', script ? commandFor(script) : ''));
  if (!command.trim()) throw new UsageError('no training script found (train.py, train.mjs, train.js, train.sh, ...); pass --command "<command>"');
  const schema = discovery.schemaCandidates.find((file) => isDataSchema(input.schemaTexts[file] ?? ''));
  const python = /^(python3?|uv run|poetry run|conda run)\b/.test(command.trim());
  return {
    model,
    task,
    command,
    ...(python && discovery.pythonDependencies ? { pythonRequirements: discovery.pythonDependencies } : {}),
    train,
    production: discovery.production,
    schema,
    runsOn: ['self-hosted', 'gpu'],
    environment: 'production',
    defaultBranch: discovery.defaultBranch,
    driftSchedule: '0 6 * * 1',
  };
}
