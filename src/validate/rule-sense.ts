/**
 * Rules that zod accepts but that cannot mean anything: a bound of the wrong kind,
 * min above max, an allowed value of another type, a key over an undeclared column.
 */
import type { ColumnRule, ColumnType, DataSchemaRules } from './data-schema.ts';

export interface RuleProblem {
  path: PropertyKey[];
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

/** Whether a bound or allowed value has the column's kind; undefined when it fits. */
function valueProblem(type: ColumnType, value: string | number | boolean): string | undefined {
  switch (type) {
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : 'an integer';
    case 'number':
      return typeof value === 'number' ? undefined : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'string':
      return typeof value === 'string' ? undefined : 'a string (quote it)';
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) ? undefined : 'a date such as "2001-01-31"';
    case 'timestamp':
      return typeof value === 'string' && ISO_TIMESTAMP.test(value) ? undefined : 'a timestamp such as "2001-01-31 12:00:00"';
  }
}

function columnWords(type: ColumnType): string {
  return `${type === 'integer' ? 'an' : 'a'} ${type} column`;
}

function columnProblem(name: string, rule: ColumnRule): RuleProblem | undefined {
  const at = (key: string, ...rest: PropertyKey[]) => ['columns', name, key, ...rest];
  for (const key of ['min', 'max'] as const) {
    const value = rule[key];
    if (value === undefined) continue;
    if (rule.type === 'string' || rule.type === 'boolean') return { path: at(key), message: `${key} applies to integer, number, date and timestamp columns, not ${rule.type}` };
    const expected = valueProblem(rule.type, value);
    if (expected) return { path: at(key), message: `expected ${expected} for ${columnWords(rule.type)}, got ${JSON.stringify(value)}` };
  }
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    return { path: at('min'), message: `min ${JSON.stringify(rule.min)} is above max ${JSON.stringify(rule.max)}` };
  }
  const bad = rule.in?.findIndex((value) => valueProblem(rule.type, value) !== undefined) ?? -1;
  if (bad >= 0) {
    const value = rule.in![bad]!;
    return { path: at('in', bad), message: `expected ${valueProblem(rule.type, value)!} for ${columnWords(rule.type)}, got ${JSON.stringify(value)}` };
  }
  if (rule.nullable === false && rule.max_null_fraction !== undefined) {
    return { path: at('max_null_fraction'), message: 'contradicts nullable: false; drop one of them' };
  }
  return undefined;
}

export function checkRuleSense(rules: DataSchemaRules): RuleProblem | undefined {
  for (const [name, rule] of Object.entries(rules.columns)) {
    const problem = columnProblem(name, rule);
    if (problem) return problem;
  }
  if (rules.rows?.min !== undefined && rules.rows.max !== undefined && rules.rows.min > rules.rows.max) {
    return { path: ['rows', 'min'], message: `min ${rules.rows.min} is above max ${rules.rows.max}` };
  }
  for (const [i, key] of (rules.unique ?? []).entries()) {
    const j = key.findIndex((column) => !(column in rules.columns));
    if (j >= 0) return { path: ['unique', i, j], message: `unknown column "${key[j]}"; expected one of the schema's columns: ${Object.keys(rules.columns).join(', ')}` };
  }
  const names = (rules.checks ?? []).map((check) => check.name);
  const twice = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (twice >= 0) return { path: ['checks', twice, 'name'], message: `the check name "${names[twice]}" is used twice; expected unique names` };
  return undefined;
}
