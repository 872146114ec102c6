/**
 * Every trainyard command line the workflows and actions contain, read statically:
 * the root action's `command:` and `args:` (split as dist/action.js splits them), and
 * the `trainyard …` calls of `run:` steps and of the actions' shell scripts (arrays
 * built with `args=(…)` and `args+=(…)` taken with every optional addition). `${{ }}`
 * expressions and shell variables become a placeholder word; `parseOnly` then parses a
 * command line with the CLI's real commander program, every action replaced by a no-op.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command, OutputConfiguration } from 'commander';
import { CommanderError } from 'commander';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/main.ts';
import { splitArgs } from '../../src/cli/split-args.ts';

export interface Invocation {
  /** Where it was found: file and step or line. */
  where: string;
  argv: string[];
}

const PLACEHOLDER = 'x';
/** A `"${name[@]}"` word, marked while splitting and expanded afterwards. */
const MARK = '\u0001';
const ARRAY_WORD = new RegExp(`^${MARK}(\\w+)${MARK}$`);
const ROOT_ACTION = /^trainyard\/trainyard@/;

/**
 * `${{ }}` in a step's `with:`: a value becomes the placeholder; an optional addition
 * (`cond && format('--flag "{0}"', value) || ''`) is taken, as the arrays of a script are;
 * a free-form `inputs.args` is the caller's words, checked where the caller is.
 */
const substitute = (text: string): string =>
  text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_whole, expression: string) => {
    if (/^\s*inputs\.args\s*$/.test(expression)) return '';
    const format = /format\('((?:[^']|'')*)'/.exec(expression);
    return format ? format[1]!.replace(/''/g, "'").replace(/\{\d+\}/g, PLACEHOLDER) : PLACEHOLDER;
  });

/** Splits one shell command line into words: quotes group, variables become the placeholder, `"${a[@]}"` stays whole. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else current += char;
      continue;
    }
    if (char === '$') {
      const array = /^\$\{(\w+)\[@\]\}/.exec(line.slice(i));
      if (array) {
        current += `${MARK}${array[1]}${MARK}`;
        i += array[0].length - 1;
        inWord = true;
        continue;
      }
      const variable = /^\$(\{[^}]*\}|\w+|\(\([^)]*\)\))/.exec(line.slice(i));
      if (variable) {
        current += PLACEHOLDER;
        i += variable[0].length - 1;
        inWord = true;
        continue;
      }
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && i + 1 < line.length) current += line[++i];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else if (/[|;&<>)]/.test(char)) {
      if (inWord) words.push(current);
      break;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord && quote === null) words.push(current);
  return words;
}

/** The trainyard command lines of a bash script. */
export function shellInvocations(script: string, where: string): Invocation[] {
  const text = script.replace(/\\\n/g, ' ');
  const arrays = new Map<string, string[]>();
  for (const match of text.matchAll(/(?:^|[\s;&(])(\w+)(\+?)=\(([^)\n]*)\)/gm)) {
    const [, name, append, body] = match;
    arrays.set(name!, [...(append ? (arrays.get(name!) ?? []) : []), ...shellWords(body!)]);
  }
  const expand = (words: string[], depth = 0): string[] =>
    words.flatMap((word) => {
      const array = ARRAY_WORD.exec(word);
      if (!array) return [word];
      if (depth > 5) throw new Error(`${where}: the array ${array[1]} refers to itself`);
      return expand(arrays.get(array[1]!) ?? [], depth + 1);
    });
  const found: Invocation[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.replace(/^\s*#.*$/, '');
    for (const match of trimmed.matchAll(/(?:^\s*|[;&|({]\s*|\b(?:then|do|exec|else|time)\s+)trainyard(\s+.*)$/g)) {
      const words = expand(shellWords(match[1]!));
      if (words.length === 0) continue;
      found.push({ where: `${where}:${index + 1}`, argv: words });
    }
  });
  return found;
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

function stepInvocations(step: Step, where: string): Invocation[] {
  const label = `${where} step "${step.name ?? step.id ?? step.uses ?? 'run'}"`;
  if (step.uses && ROOT_ACTION.test(step.uses)) {
    const command = splitArgs(substitute(String(step.with?.command ?? '')));
    const args = splitArgs(substitute(String(step.with?.args ?? '')));
    return [{ where: label, argv: [...command, ...args] }];
  }
  if (step.run) return shellInvocations(substitute(step.run), label);
  return [];
}

/** The invocations of one workflow or action file (relative to `root`). */
export async function fileInvocations(root: string, file: string): Promise<Invocation[]> {
  const text = await readFile(path.join(root, file), 'utf8');
  if (file.endsWith('.sh')) return shellInvocations(text, file);
  const doc = parse(text) as { jobs?: Record<string, { steps?: Step[] }>; runs?: { steps?: Step[] } };
  const steps: Array<[string, Step]> = [
    ...Object.entries(doc.jobs ?? {}).flatMap(([id, job]) => (job.steps ?? []).map((step): [string, Step] => [`${file} job ${id}`, step])),
    ...(doc.runs?.steps ?? []).map((step): [string, Step] => [file, step]),
  ];
  return steps.flatMap(([where, step]) => stepInvocations(step, where));
}

/** The files that may call trainyard: reusable workflows, actions and their scripts, the root action. */
export async function invokingFiles(root: string): Promise<string[]> {
  const workflows = (await readdir(path.join(root, 'reusable-workflows'))).filter((name) => /\.ya?ml$/.test(name)).map((name) => `reusable-workflows/${name}`);
  const actions: string[] = [];
  for (const dir of await readdir(path.join(root, 'actions'))) {
    for (const name of await readdir(path.join(root, 'actions', dir))) {
      if (name === 'action.yml' || name.endsWith('.sh')) actions.push(`actions/${dir}/${name}`);
    }
  }
  return ['action.yml', ...workflows.sort(), ...actions.sort()];
}

/** Replaces the action of every command that has one, so parsing runs nothing. */
function disarm(command: Command, output: OutputConfiguration): void {
  const handler = (command as unknown as { _actionHandler: unknown })._actionHandler;
  if (handler) command.action(() => undefined);
  command.configureOutput(output);
  for (const sub of command.commands) disarm(sub, output);
}

/** Parses `argv` with the CLI's program without running the command: undefined when accepted, else commander's message. */
export async function parseOnly(argv: string[]): Promise<string | undefined> {
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (text: string) => (stderr += text), cwd: process.cwd(), env: {}, now: () => new Date(0) };
  const program = await buildProgram(io, () => undefined, argv);
  disarm(program, { writeOut: () => undefined, writeErr: (text: string) => (stderr += text), outputError: (text: string) => (stderr += text) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return (stderr.split('\n')[0] || error.message).trim();
    throw error;
  }
}
