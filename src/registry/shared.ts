/** Steps both registries take the same way. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { RegistryError } from './errors.ts';
import { checkEnvironmentName, checkModelName } from './names.ts';
import { championOf } from './promotion-record.ts';
import type { ModelCard, ModelVersion, Promotion, RegisterRequest, VersionFile, VersionRef } from './types.ts';

export function buildCard(request: RegisterRequest, version: number, createdAt: string): ModelCard {
  const { content, text } = request;
  return {
    model: request.model,
    version,
    ...text,
    createdAt,
    commit: request.commit,
    runUrl: request.runUrl,
    contentSha256: content.contentSha256,
    metrics: content.metrics,
    files: content.files.map(({ path: file, role, bytes, sha256 }) => ({ path: file, role, bytes, sha256 })),
    lineage: content.lineage,
    profile: content.profile,
  };
}

/** Finds the version a ref names: its number, or the champion of an environment. */
export async function resolveVersion(
  registry: { location: string; versions(model: string): Promise<ModelVersion[]>; history(model: string, environment?: string): Promise<Promotion[]> },
  model: string,
  ref: VersionRef,
): Promise<ModelVersion> {
  checkModelName(model);
  const versions = await registry.versions(model);
  let wanted: number;
  if ('environment' in ref) {
    checkEnvironmentName(ref.environment);
    const champion = championOf(await registry.history(model, ref.environment), ref.environment);
    if (!champion) throw new RegistryError(registry.location, `${model} has no version promoted to "${ref.environment}"`);
    wanted = champion.version;
  } else {
    wanted = ref.version;
  }
  const found = versions.find((version) => version.version === wanted);
  if (!found) {
    const known = versions.map((version) => `v${version.version}`).join(', ') || 'none';
    throw new RegistryError(registry.location, `${model} has no version ${wanted}; registered: ${known}`);
  }
  return found;
}

/**
 * The files of a version a download writes: all of them, or those `only` names (a
 * file's path, or a folder's). A name that matches nothing is a mistake, not an empty
 * download: it is refused, listing the version's files.
 */
export function selectFiles(location: string, version: ModelVersion, only: string[] | undefined): VersionFile[] {
  const files = version.card.files;
  if (!only) return files;
  const matches = (file: VersionFile, name: string): boolean => {
    const wanted = name.replace(/^\.\//, '').replace(/\/+$/, '');
    return file.path === wanted || file.path.startsWith(`${wanted}/`);
  };
  const missing = only.find((name) => !files.some((file) => matches(file, name)));
  if (missing !== undefined) {
    throw new RegistryError(location, `${version.tag} has no file "${missing}"; it has: ${files.map((file) => file.path).join(', ')}`);
  }
  return files.filter((file) => only.some((name) => matches(file, name)));
}

/**
 * Writes a download into a fresh sibling folder and renames it into place at the end,
 * so a failed or corrupt download leaves nothing at `dir`.
 */
export async function downloadInto<T>(dir: string, write: (staging: string) => Promise<T>): Promise<T> {
  if (await stat(dir).catch(() => null)) throw new UsageError(`${dir}: already exists; expected a new folder to download into`);
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = path.join(path.dirname(dir), `.${path.basename(dir)}.partial-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  try {
    const result = await write(staging);
    await rename(staging, dir);
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
