/**
 * Merges profiles of shards into the profile of the whole. Everything but the sample is
 * exactly what profiling the whole would give; the sample is a uniform sample of it.
 */
import { DataError } from '../errors.ts';
import { mergeHistograms } from './grid.ts';
import { mergeReservoirs, randomSource } from './reservoir.ts';
import { VALUE_CAP, type Profile, type ProfileColumn, type ProfileValue } from './types.ts';

const lessThan = (a: ProfileValue, b: ProfileValue) => (typeof a === 'number' && typeof b === 'number' ? a < b : String(a) < String(b));

function pick(a: ProfileValue | null, b: ProfileValue | null, smaller: boolean): ProfileValue | null {
  if (a === null) return b;
  if (b === null) return a;
  return lessThan(a, b) === smaller ? a : b;
}

function mergeValues(a: ProfileColumn['values'], b: ProfileColumn['values']): ProfileColumn['values'] {
  if (a === null || b === null) return null;
  const counts = new Map<string, [ProfileValue, number]>();
  for (const [value, count] of [...a, ...b]) {
    const key = `${typeof value}:${value}`;
    const entry = counts.get(key);
    if (entry) entry[1] += count;
    else counts.set(key, [value, count]);
  }
  if (counts.size > VALUE_CAP) return null;
  return [...counts.values()].sort(([x], [y]) => (lessThan(x, y) ? -1 : lessThan(y, x) ? 1 : 0));
}

/** A column absent from a shard: all of that shard's rows count as nulls. */
function absent(like: ProfileColumn, rows: number): ProfileColumn {
  return { ...like, count: 0, nulls: rows, min: null, max: null, mean: null, m2: null, distinct: 0, values: [], histogram: null, sample: { seen: 0, values: [] } };
}

function mergeColumn(a: ProfileColumn, b: ProfileColumn, sampleSize: number, random: () => number): ProfileColumn {
  if (a.kind !== b.kind) throw new DataError(`column "${a.name}" is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in another; expected the same type`);
  const count = a.count + b.count;
  let mean: number | null = null;
  let m2: number | null = null;
  if (a.count === 0) [mean, m2] = [b.mean, b.m2];
  else if (b.count === 0) [mean, m2] = [a.mean, a.m2];
  else if (a.mean !== null && b.mean !== null && a.m2 !== null && b.m2 !== null) {
    const delta = b.mean - a.mean;
    mean = a.mean + (delta * b.count) / count;
    m2 = a.m2 + b.m2 + (delta * delta * a.count * b.count) / count;
  }
  const values = mergeValues(a.values, b.values);
  const min = pick(a.min, b.min, true);
  const max = pick(a.max, b.max, false);
  const histogram =
    a.histogram && b.histogram ? mergeHistograms(a.histogram, b.histogram, min as number, max as number) : (a.histogram ?? b.histogram);
  return {
    name: a.name,
    type: a.type,
    kind: a.kind,
    count,
    nulls: a.nulls + b.nulls,
    min,
    max,
    mean,
    m2,
    distinct: values === null ? null : values.length,
    values,
    histogram,
    sample: mergeReservoirs(a.sample, b.sample, sampleSize, random),
  };
}

export function mergeProfiles(profiles: Profile[], seed = 42): Profile {
  if (profiles.length === 0) throw new DataError('no profiles to merge');
  const random = randomSource(seed);
  return profiles.reduce((a, b) => {
    const sampleSize = Math.max(a.sampleSize, b.sampleSize);
    const names = [...a.columns.map((c) => c.name), ...b.columns.map((c) => c.name).filter((n) => !a.columns.some((c) => c.name === n))];
    const columns = names.map((name) => {
      const left = a.columns.find((c) => c.name === name);
      const right = b.columns.find((c) => c.name === name);
      return mergeColumn(left ?? absent(right!, a.rows), right ?? absent(left!, b.rows), sampleSize, random);
    });
    return { ...a, source: `${a.source} + ${b.source}`, rows: a.rows + b.rows, sampleSize, columns };
  });
}
