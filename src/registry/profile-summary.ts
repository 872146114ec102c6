/**
 * The data profile summary of a model card: row count and, per column, its type and
 * null count. Profiles list columns either as an array of `{name, ...}` or as an object
 * keyed by column name; both read the same, and fields a profile lacks become null.
 */
import type { ProfileSummary } from './types.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function firstNumber(node: Json, keys: string[]): number | null {
  for (const key of keys) {
    const value = node[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

function firstString(node: Json, keys: string[]): string | null {
  for (const key of keys) if (typeof node[key] === 'string') return node[key] as string;
  return null;
}

export function summarizeProfile(document: unknown): ProfileSummary {
  if (!isObject(document)) return { rows: null, columns: [] };
  const raw = document.columns;
  const entries: [string, Json][] = Array.isArray(raw)
    ? raw.filter(isObject).map((column) => [String(column.name ?? column.column ?? ''), column])
    : isObject(raw)
      ? Object.entries(raw).map(([name, column]) => [name, isObject(column) ? column : {}])
      : [];
  return {
    rows: firstNumber(document, ['rows', 'row_count', 'count']),
    columns: entries
      .filter(([name]) => name.length > 0)
      .map(([name, column]) => ({ name, type: firstString(column, ['type', 'dtype', 'kind']), nulls: firstNumber(column, ['nulls', 'null_count', 'missing']) })),
  };
}
