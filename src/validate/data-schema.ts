/**
 * The data schema file (`schema.yml`): per-column rules and table-level rules, with the
 * semantics of Great Expectations and pandera where they overlap (see docs/validation.md).
 */
import { z } from 'zod';
import type { SourcePosition } from '../errors.ts';

export const COLUMN_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'timestamp'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const bound = z.union([z.number(), z.string().min(1)]);
const allowed = z.union([z.string(), z.number(), z.boolean()]);

export const columnRuleSchema = z
  .strictObject({
    type: z.enum(COLUMN_TYPES).describe('The type every non-null value must parse as.'),
    nullable: z.boolean().optional().describe('Whether nulls are allowed; default false (true when max_null_fraction is set).'),
    min: bound.optional().describe('The smallest allowed value (inclusive); a number, or an ISO date for date and timestamp columns.'),
    max: bound.optional().describe('The largest allowed value (inclusive).'),
    in: z.array(allowed).min(1).optional().describe('The allowed values.'),
    pattern: z.string().min(1).optional().describe('A regular expression (RE2) each value must contain a match of; anchor it with ^ and $.'),
    unique: z.boolean().optional().describe('No value may occur twice.'),
    max_null_fraction: z.number().min(0).max(1).optional().describe('The largest allowed share of null values, in [0, 1].'),
    mostly: z.number().gt(0).max(1).optional().describe('The share of non-null values that must pass each value check (GX `mostly`); default 1.'),
    training_only: z
      .boolean()
      .optional()
      .describe('Only the training data has this column (the label, a column production learns later): it is checked on the training data only, and drift leaves it out.'),
  })
  .describe('The rules of one column.');

export const customCheckSchema = z.strictObject({
  name: z.string().min(1).describe('The name the check is reported by.'),
  sql: z.string().min(1).describe('A DuckDB query over the view `data` that returns the offending rows; the check passes when it returns none.'),
});

export const dataSchemaSchema = z
  .strictObject({
    columns: z.record(z.string().min(1), columnRuleSchema).describe('The columns, by name, in any order.'),
    rows: z
      .strictObject({ min: z.int().min(0).optional(), max: z.int().min(0).optional() })
      .optional()
      .describe('Bounds on the number of rows.'),
    unique: z.array(z.array(z.string().min(1)).min(1)).optional().describe('Compound keys: each list of columns must be unique together.'),
    strict: z.boolean().optional().describe('Fail on columns that the schema does not list.'),
    checks: z.array(customCheckSchema).optional().describe('Custom checks as SQL queries that must return zero rows.'),
  })
  .describe('A trainyard data schema.');

export type ColumnRule = z.output<typeof columnRuleSchema>;

/** Which data a schema is checked against: production data is not checked for `training_only` columns. */
export type DataRole = 'train' | 'production';

/**
 * The schema as it applies to data of `role`: for production data, without its
 * `training_only` columns (and without compound keys that use one).
 */
export function schemaForRole(schema: DataSchema, role: DataRole): DataSchema {
  const trainingOnly = new Set(Object.entries(schema.rules.columns).flatMap(([name, rule]) => (rule.training_only ? [name] : [])));
  if (role === 'train' || trainingOnly.size === 0) return schema;
  const columns = Object.fromEntries(Object.entries(schema.rules.columns).filter(([name]) => !trainingOnly.has(name)));
  const unique = schema.rules.unique?.filter((key) => !key.some((name) => trainingOnly.has(name)));
  return { ...schema, rules: { ...schema.rules, columns, ...(unique ? { unique } : {}) }, trainingOnly: [...trainingOnly] };
}
export type CustomCheck = z.output<typeof customCheckSchema>;
export type DataSchemaRules = z.output<typeof dataSchemaSchema>;

/**
 * Where each rule sits in the schema file, for errors and annotations. Keys: `<column>`
 * for a column, `<column>.<rule>` for one of its rules, `rows`, `strict`, `unique.<i>`,
 * `checks.<i>`.
 */
export type RulePositions = Record<string, SourcePosition>;

/** A loaded data schema: the rules plus the file they came from. */
export interface DataSchema {
  file: string;
  rules: DataSchemaRules;
  positions: RulePositions;
  /** Set by `schemaForRole` for production: training-only columns, allowed but not checked. */
  trainingOnly?: string[];
}
