/**
 * Gathers what a registration stores from a training output folder, and hashes it,
 * before any version number is taken: a missing file fails here, with nothing written.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.ts';
import { readMetricsFile } from '../metrics/read-metrics.ts';
import { MODEL_DIR, LINEAGE_FILE } from '../train/artifacts.ts';
import { sha256File, sha256Text } from '../util/hash.ts';
import { summarizeLineage } from './lineage-summary.ts';
import { summarizeProfile } from './profile-summary.ts';
import type { FileRole, SourceFile, VersionContent, VersionFile } from './types.ts';

export const PROFILE_FILE = 'profile.json';

/** Where a trainer's outputs lie; metrics and predictions as named in the model's config. */
export interface OutputLayout {
  outputDir: string;
  metricsFile: string;
  predictionsFile: string;
  /** The profile.json to register when the output folder holds none. */
  profileFile?: string;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function describe(source: string, versionPath: string, role: FileRole): Promise<SourceFile> {
  const info = await stat(source).catch(() => null);
  if (!info?.isFile()) throw new DataError(`${source}: missing ${role} file; expected it in the training output folder`);
  return { path: versionPath, role, source, bytes: info.size, sha256: await sha256File(source) };
}

/** One digest over every file's path and digest, independent of where the files lie. */
export function contentDigest(files: Pick<VersionFile, 'path' | 'sha256'>[]): string {
  const lines = files.map((file) => `${file.path}\0${file.sha256}\n`).sort();
  return sha256Text(lines.join(''));
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DataError(`${file}: cannot read it as JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

export async function collectVersionContent(layout: OutputLayout): Promise<VersionContent> {
  const { outputDir } = layout;
  const modelDir = path.join(outputDir, MODEL_DIR);
  const modelFiles = await filesUnder(modelDir).catch(() => [] as string[]);
  if (modelFiles.length === 0) throw new DataError(`${modelDir}: missing model files; expected at least one file in ${MODEL_DIR}/`);
  const files: SourceFile[] = [];
  for (const file of modelFiles) files.push(await describe(path.join(modelDir, file), `${MODEL_DIR}/${file}`, 'model'));
  const metricsSource = path.join(outputDir, layout.metricsFile);
  const predictionsSource = path.join(outputDir, layout.predictionsFile);
  files.push(await describe(metricsSource, 'metrics.json', 'metrics'));
  files.push(await describe(predictionsSource, `predictions${path.extname(layout.predictionsFile) || '.csv'}`, 'predictions'));
  const lineageSource = path.join(outputDir, LINEAGE_FILE);
  files.push(await describe(lineageSource, LINEAGE_FILE, 'lineage'));
  const ownProfile = path.join(outputDir, PROFILE_FILE);
  const hasOwnProfile = (await stat(ownProfile).catch(() => null))?.isFile() ?? false;
  const profileSource = hasOwnProfile || !layout.profileFile ? ownProfile : layout.profileFile;
  const hasProfile = hasOwnProfile || layout.profileFile !== undefined;
  if (hasProfile) files.push(await describe(profileSource, PROFILE_FILE, 'profile'));
  return {
    files,
    metrics: await readMetricsFile(metricsSource),
    lineage: summarizeLineage(await readJson(lineageSource), lineageSource),
    profile: hasProfile ? summarizeProfile(await readJson(profileSource)) : null,
    contentSha256: contentDigest(files),
  };
}
