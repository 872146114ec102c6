/**
 * A profile column as the (v, n) relation drift tests read: its exact value counts when
 * the profile kept them, otherwise its reservoir sample (and the output says so).
 */
import { quoteLiteral, type DataEngine } from '../data/engine.ts';
import type { Profile, ProfileValue } from '../profile/types.ts';

export interface ProfileRelation {
  sql: string;
  /** The column's full non-null count. */
  rows: number;
  /** The exact population standard deviation, from the profile's M2. */
  std: number | undefined;
  basis: 'profile' | 'sample';
}

const BATCH = 2000;

export async function profileRelation(engine: DataEngine, profile: Profile, column: string, table: string): Promise<ProfileRelation> {
  const info = profile.columns.find((c) => c.name === column)!;
  const numeric = info.kind === 'numerical';
  const pairs: Array<[ProfileValue, number]> = info.values ?? countSample(info.sample.values);
  await engine.query(`CREATE OR REPLACE TEMP TABLE "${table}" (v ${numeric ? 'DOUBLE' : 'VARCHAR'}, n BIGINT)`);
  for (let i = 0; i < pairs.length; i += BATCH) {
    const rows = pairs.slice(i, i + BATCH).map(([v, n]) => `(${numeric ? Number(v).toPrecision(17) : quoteLiteral(String(v))}, ${n})`);
    await engine.query(`INSERT INTO "${table}" VALUES ${rows.join(', ')}`);
  }
  const std = numeric && info.m2 !== null && info.count > 0 ? Math.sqrt(info.m2 / info.count) : undefined;
  return { sql: `SELECT v, n FROM "${table}"`, rows: info.count, std, basis: info.values ? 'profile' : 'sample' };
}

function countSample(values: ProfileValue[]): Array<[ProfileValue, number]> {
  const counts = new Map<ProfileValue, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()];
}
