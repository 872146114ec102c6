/**
 * Columns a model's drift check leaves out, and why: an id changes with every row, a
 * label is not an input (production rarely has it), and a timestamp moves by
 * definition; testing them reports drift that means nothing. They come from the
 * config's `drift.exclude`, the model's data schema (`unique`, `training_only`, date and
 * timestamp types) and id-like names. An explicit `drift.columns` or `--columns` list
 * is taken as given: nothing is excluded from it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { loadDataSchema } from '../validate/load-schema.ts';

export interface DriftExclusion {
  column: string;
  reason: string;
}

/** id, ID, uuid, customer_id, customerId, order-id, row_number: names of row identifiers. */
const ID_NAME = /^(id|uuid|guid|index|row_?(id|number|num)|.*[_-](id|uuid|key)|.*[a-z]Id|.*ID)$/i;

export function isIdLikeName(column: string): boolean {
  return ID_NAME.test(column) && !/^(paid|valid|void|grid|fluid|hybrid|android|mid|bid|kid|lid|rid|squid|solid|humid|rapid|liquid|vivid|acid|rigid)$/i.test(column);
}

/**
 * The columns a model's config and data schema leave out of its drift check; ids by
 * name are added where the data's columns are known (`excludedColumns`).
 */
export async function driftExclusions(input: { model: ModelConfig; root: string }): Promise<DriftExclusion[]> {
  const { model, root } = input;
  const excluded = new Map<string, string>();
  const add = (column: string, reason: string) => {
    if (!excluded.has(column)) excluded.set(column, reason);
  };
  for (const column of model.drift?.exclude ?? []) add(column, 'listed in drift.exclude');
  const schemaFile = model.data.schema;
  if (schemaFile && (await stat(path.resolve(root, schemaFile)).catch(() => null))?.isFile()) {
    const schema = await loadDataSchema(path.resolve(root, schemaFile), schemaFile);
    for (const [column, rule] of Object.entries(schema.rules.columns)) {
      if (rule.training_only) add(column, `training_only in ${schemaFile} (a label or a column production lacks)`);
      else if (rule.unique) add(column, `an id: unique in ${schemaFile}`);
      else if (rule.type === 'timestamp' || rule.type === 'date') add(column, `a ${rule.type}: it moves by definition`);
    }
  }
  return [...excluded].map(([column, reason]) => ({ column, reason }));
}

/** Of the data's columns, the ones left out: the given exclusions, then ids by name. */
export function excludedColumns(names: readonly string[], given: readonly DriftExclusion[]): DriftExclusion[] {
  const reasons = new Map(given.map((entry) => [entry.column, entry.reason]));
  return names.flatMap((column) => {
    const reason = reasons.get(column) ?? (isIdLikeName(column) ? 'an id, by its name' : undefined);
    return reason ? [{ column, reason }] : [];
  });
}
