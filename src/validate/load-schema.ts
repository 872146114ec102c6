/**
 * Reads a data schema file. Problems are ConfigErrors naming file:line:col and the key,
 * with "did you mean" for a misspelt key: the same machinery as trainyard.yml.
 */
import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../errors.ts';
import { explainIssues } from '../config/zod-issues.ts';
import { MAX_CONFIG_BYTES, parseYamlSource, positionOf, type YamlSource } from '../config/yaml-source.ts';
import { dataSchemaSchema, type DataSchema, type DataSchemaRules, type RulePositions } from './data-schema.ts';
import { checkRuleSense } from './rule-sense.ts';

/** Validates schema text; `file` names the source in errors and reports. */
export function parseDataSchema(text: string, file: string): DataSchema {
  const source = parseYamlSource(text, file);
  if (source.value === null || source.value === undefined) {
    throw new ConfigError({ file, message: 'the file is empty; expected a mapping with a "columns" key' });
  }
  const result = dataSchemaSchema.safeParse(source.value);
  if (!result.success) {
    const [first] = explainIssues(dataSchemaSchema, source.value, result.error.issues);
    if (!first) throw new ConfigError({ file, message: result.error.message });
    throw errorAt(source, first.path, first.message, first.unknownKey);
  }
  const rules = result.data;
  const problem = checkRuleSense(rules);
  if (problem) throw errorAt(source, problem.path, problem.message);
  return { file, rules, positions: positionsOf(source, rules) };
}

/** Loads a schema file; `shownAs` names it in messages (default: `file`). */
export async function loadDataSchema(file: string, shownAs: string = file): Promise<DataSchema> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ConfigError({ file: shownAs, message: 'no such schema file; expected a YAML data schema (trainyard schema infer writes one)' });
  if (info.size > MAX_CONFIG_BYTES) throw new ConfigError({ file: shownAs, message: `file is ${info.size} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  return parseDataSchema(await readFile(file, 'utf8'), shownAs);
}

function errorAt(source: YamlSource, path: readonly PropertyKey[], message: string, unknownKey?: string): ConfigError {
  const position = positionOf(source, unknownKey ? path.slice(0, -1) : path, unknownKey);
  const key = path.map(String).join('.') || undefined;
  return new ConfigError({ file: source.file, message, ...(position ? { position } : {}), ...(key ? { key } : {}) });
}

function positionsOf(source: YamlSource, rules: DataSchemaRules): RulePositions {
  const positions: RulePositions = {};
  const put = (key: string, path: PropertyKey[], keyOf?: string) => {
    const position = positionOf(source, path, keyOf);
    if (position) positions[key] = position;
  };
  for (const [name, rule] of Object.entries(rules.columns)) {
    put(name, ['columns'], name);
    for (const check of Object.keys(rule)) put(`${name}.${check}`, ['columns', name], check);
  }
  put('rows', [], 'rows');
  put('strict', [], 'strict');
  rules.unique?.forEach((_, i) => put(`unique.${i}`, ['unique', i]));
  rules.checks?.forEach((_, i) => put(`checks.${i}`, ['checks', i]));
  return positions;
}
