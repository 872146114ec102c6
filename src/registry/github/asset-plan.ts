/**
 * How a version's files become release assets. GitHub takes assets under 2 GiB, so a
 * larger file goes up in parts; `trainyard-manifest.json` maps every file to its
 * assets with their digests, and download joins and verifies them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SourceFile } from '../types.ts';

export const MANIFEST_ASSET = 'trainyard-manifest.json';
/** The largest part: just under GitHub's 2 GiB limit per asset. */
export const DEFAULT_PART_BYTES = 2 * 1024 ** 3 - 1024 ** 2;

export interface AssetPart {
  name: string;
  offset: number;
  bytes: number;
  sha256: string;
}

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
  assets: AssetPart[];
}

export interface AssetManifest {
  trainyard: 1;
  files: ManifestFile[];
}

/** A release asset name for a version path: safe characters only, unique in the version. */
export function assetName(versionPath: string, taken: Set<string>): string {
  const base = versionPath.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_');
  let name = base;
  for (let index = 2; taken.has(name) || name === MANIFEST_ASSET; index++) name = `${base}-${index}`;
  taken.add(name);
  return name;
}

async function sha256Range(file: string, start: number, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  if (bytes > 0) for await (const chunk of createReadStream(file, { start, end: start + bytes - 1 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function planAssets(files: SourceFile[], partBytes: number): Promise<AssetManifest> {
  const taken = new Set<string>();
  const planned: ManifestFile[] = [];
  for (const file of files) {
    const name = assetName(file.path, taken);
    if (file.bytes <= partBytes) {
      planned.push({ path: file.path, bytes: file.bytes, sha256: file.sha256, assets: [{ name, offset: 0, bytes: file.bytes, sha256: file.sha256 }] });
      continue;
    }
    const assets: AssetPart[] = [];
    const count = Math.ceil(file.bytes / partBytes);
    for (let index = 0; index < count; index++) {
      const offset = index * partBytes;
      const bytes = Math.min(partBytes, file.bytes - offset);
      assets.push({ name: `${name}.part-${String(index + 1).padStart(3, '0')}`, offset, bytes, sha256: await sha256Range(file.source, offset, bytes) });
    }
    planned.push({ path: file.path, bytes: file.bytes, sha256: file.sha256, assets });
  }
  return { trainyard: 1, files: planned };
}
