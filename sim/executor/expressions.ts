/**
 * `${{ }}` with GitHub's semantics, by GitHub's own evaluator (@actions/expressions):
 * contexts are plain JSON, turned into the evaluator's data and back. The status
 * functions (success, failure, always, cancelled) read the job's state; hashFiles,
 * which nothing of trainyard uses, fails loudly.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';

export type Contexts = Record<string, unknown>;

export interface JobStatus {
  failed: boolean;
  cancelled: boolean;
}

const CONTEXT_NAMES = ['github', 'inputs', 'needs', 'steps', 'runner', 'env', 'matrix', 'strategy', 'job', 'jobs', 'secrets', 'vars'];
const STATUS = /\b(success|failure|always|cancelled)\s*\(/;

function functions(status: JobStatus): Map<string, { name: string; minArgs: number; maxArgs: number; call: (...args: data.ExpressionData[]) => data.ExpressionData }> {
  const fns = [
    { name: 'success', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(!status.failed && !status.cancelled) },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status.failed && !status.cancelled) },
    { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status.cancelled) },
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: (): data.ExpressionData => {
        throw new Error('hashFiles() is not supported by the workflow executor');
      },
    },
  ];
  return new Map(fns.map((fn) => [fn.name.toLowerCase(), fn]));
}

/** Evaluates one expression (without `${{ }}`) to plain JSON. */
export function evaluate(expression: string, contexts: Contexts, status: JobStatus = { failed: false, cancelled: false }): unknown {
  const fns = functions(status);
  let parsed;
  try {
    parsed = new Parser(new Lexer(expression).lex().tokens, CONTEXT_NAMES, [...fns.values()]).parse();
  } catch (error) {
    throw new Error(`cannot parse the expression "${expression}": ${(error as Error).message}`, { cause: error });
  }
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  const result = new Evaluator(parsed, context, fns).evaluate();
  return JSON.parse(JSON.stringify(result, data.replacer)) as unknown;
}

/** A condition (`if:`): GitHub adds `success() &&` unless a status function is used. */
export function condition(text: unknown, contexts: Contexts, status: JobStatus): boolean {
  if (text === undefined || text === null || text === '') return !status.failed && !status.cancelled;
  if (typeof text === 'boolean') return text && !status.failed && !status.cancelled;
  let expression = String(text).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
  if (wrapped && !wrapped[1]!.includes('}}')) expression = wrapped[1]!.trim();
  if (!STATUS.test(expression)) expression = `success() && (${expression})`;
  return truthy(evaluate(expression, contexts, status));
}

export function truthy(value: unknown): boolean {
  return !(value === false || value === null || value === undefined || value === 0 || value === '' || Number.isNaN(value));
}

function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

/**
 * Interpolates `${{ }}` in a value: a string that is one whole expression keeps the
 * expression's type (a runs-on list, a timeout number); otherwise each expression is
 * spliced in as a string. Objects and arrays are interpolated deeply.
 */
export function interpolate(value: unknown, contexts: Contexts, status?: JobStatus): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{\{([\s\S]*?)\}\}$/.exec(value.trim());
    if (whole && value.trim().indexOf('${{', 3) === -1) return evaluate(whole[1]!.trim(), contexts, status);
    return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, expression: string) => asString(evaluate(expression.trim(), contexts, status)));
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, contexts, status));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, contexts, status)]));
  return value;
}

/** Interpolates to a string (for env, with:, run:). */
export function interpolateString(value: unknown, contexts: Contexts, status?: JobStatus): string {
  return asString(interpolate(value, contexts, status));
}
