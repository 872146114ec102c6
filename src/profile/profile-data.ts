/** Profiles data files: registers them with the DuckDB engine and builds the profile. */
import { DataEngine } from '../data/engine.ts';
import { resolveSource } from '../data/format.ts';
import { buildProfile } from './build.ts';
import type { Profile } from './types.ts';

export interface ProfileDataRequest {
  paths: string | string[];
  root: string;
  sampleSize: number;
  seed: number;
}

export async function profileData(request: ProfileDataRequest): Promise<Profile> {
  const source = await resolveSource(request.paths, request.root);
  const engine = await DataEngine.open();
  try {
    await engine.register('profile_source', source);
    const table = source.format === 'parquet' ? 'profile_source' : 'profile_rows';
    if (table === 'profile_rows') await engine.query('CREATE TEMP TABLE profile_rows AS SELECT * FROM profile_source');
    return await buildProfile(engine, { table, source: source.display, sampleSize: request.sampleSize, seed: request.seed });
  } finally {
    engine.close();
  }
}
