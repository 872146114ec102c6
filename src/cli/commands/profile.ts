import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { mergeProfiles } from '../../profile/merge.ts';
import { profileData } from '../../profile/profile-data.ts';
import { readProfile } from '../../profile/read.ts';
import { DEFAULT_SAMPLE_SIZE, type Profile } from '../../profile/types.ts';
import type { CliIo } from '../io.ts';

function positiveInteger(value: string, option: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1_000_000) throw new UsageError(`${option} ${value}: expected an integer from 1 to 1000000`);
  return parsed;
}

async function write(io: CliIo, out: string, profile: Profile): Promise<void> {
  const target = path.resolve(io.cwd, out);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(profile)}\n`);
  const columns = profile.columns.length;
  io.stdout(`Profiled ${profile.rows.toLocaleString('en-US')} rows, ${columns} column${columns === 1 ? '' : 's'} of ${profile.source} into ${out}\n`);
}

export function registerProfile(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const profile = program
    .command('profile')
    .description('Write a mergeable data profile (profile.json): counts, ranges, moments, value counts, histograms and a reservoir sample per column.')
    .option('-d, --data <data>', 'the data: a file, a directory or a glob')
    .option('-o, --out <file>', 'where to write the profile', 'profile.json')
    .option('--sample-size <n>', 'values kept per column in the reservoir sample', String(DEFAULT_SAMPLE_SIZE))
    .option('--seed <n>', 'seed of the reservoir sample', '42')
    .action(async (options: { data?: string; out: string; sampleSize: string; seed: string }) => {
      if (!options.data) throw new UsageError('profile: expected --data <file|directory|glob>');
      const result = await profileData({
        paths: options.data,
        root: io.cwd,
        sampleSize: positiveInteger(options.sampleSize, '--sample-size'),
        seed: positiveInteger(options.seed, '--seed'),
      });
      await write(io, options.out, result);
      setExit(0);
    });
  profile
    .command('merge')
    .description('Merge profiles of shards into the profile of the whole.')
    .argument('<profiles...>', 'profile.json files to merge')
    .option('-o, --out <file>', 'where to write the merged profile', 'profile.json')
    .option('--seed <n>', 'seed of the sample merge', '42')
    .action(async (files: string[], options: { out: string; seed: string }) => {
      const profiles = [];
      for (const file of files) profiles.push(await readProfile(path.resolve(io.cwd, file), file));
      await write(io, options.out, mergeProfiles(profiles, positiveInteger(options.seed, '--seed')));
      setExit(0);
    });
}
