/**
 * Moving bytes to and from release assets, streamed, each checked against its SHA-256:
 * GitHub's `digest` on upload (or the bytes read back when GitHub gives none), the
 * bytes themselves on download.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { DigestMismatchError } from '../errors.ts';
import { call, type RepoContext } from './client.ts';

/** The fields of a release asset trainyard reads. */
export interface ReleaseAssetInfo {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
}

/** Reads an asset's bytes, returning their SHA-256; `sink` receives them when given. */
export async function readAsset(context: RepoContext, asset: ReleaseAssetInfo, sink?: NodeJS.WritableStream): Promise<string> {
  const response = await call(context, `downloading asset ${asset.name}`, () =>
    context.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner: context.owner,
      repo: context.repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false },
    }),
  );
  const hash = createHash('sha256');
  const body = response.data as unknown;
  const source = body instanceof Uint8Array || typeof body === 'string' ? Readable.from([Buffer.from(body)]) : Readable.fromWeb(body as ReadableStream<Uint8Array>);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  if (sink) await pipeline(source, tap, sink, { end: false });
  else await pipeline(source, tap, new Writable({ write: (_chunk, _encoding, done) => done() }));
  return hash.digest('hex');
}

/** The SHA-256 GitHub reports for an asset, or null when it reports none. */
export function reportedDigest(asset: ReleaseAssetInfo): string | null {
  const match = /^sha256:([0-9a-f]{64})$/.exec(asset.digest ?? '');
  return match ? match[1]! : null;
}

/** Checks a stored asset: GitHub's digest when present, else the bytes read back. */
export async function verifyAsset(context: RepoContext, asset: ReleaseAssetInfo, expected: string, where: string): Promise<void> {
  const digest = reportedDigest(asset) ?? (await readAsset(context, asset));
  if (digest !== expected) {
    throw new DigestMismatchError(context.location, `${where}: asset ${asset.name} has sha256 ${digest}, expected ${expected}; the release stays a draft`);
  }
}

export interface UploadPart {
  releaseId: number;
  uploadUrl: string;
  name: string;
  /** A file range, or bytes in memory (the manifest). */
  body: { source: string; offset: number; bytes: number } | Buffer;
}

export async function uploadAsset(context: RepoContext, part: UploadPart): Promise<ReleaseAssetInfo> {
  // upload_url is `<uploads root>/repos/{owner}/{repo}/releases/{id}/assets{?name,label}`.
  const origin = part.uploadUrl.replace(/\/repos\/.*$/, '');
  const { body } = part;
  const bytes = Buffer.isBuffer(body) ? body.length : body.bytes;
  const data = Buffer.isBuffer(body) ? body : bytes === 0 ? Buffer.alloc(0) : createReadStream(body.source, { start: body.offset, end: body.offset + bytes - 1 });
  const response = await call(context, `uploading asset ${part.name}`, () =>
    context.octokit.rest.repos.uploadReleaseAsset({
      owner: context.owner,
      repo: context.repo,
      release_id: part.releaseId,
      name: part.name,
      baseUrl: origin,
      // Octokit's type says string; fetch streams a file body (Octokit sets duplex).
      data: data as unknown as string,
      headers: { 'content-type': 'application/octet-stream', 'content-length': bytes },
    }),
  );
  return response.data as ReleaseAssetInfo;
}

/** Appends an asset to `target` (opened by the caller) and checks its digest. */
export async function downloadPart(context: RepoContext, asset: ReleaseAssetInfo, expected: string, target: string, where: string): Promise<void> {
  const sink = createWriteStream(target, { flags: 'a' });
  try {
    const digest = await readAsset(context, asset, sink);
    if (digest !== expected) throw new DigestMismatchError(context.location, `${where}: asset ${asset.name} has sha256 ${digest}, expected ${expected}; nothing was downloaded`);
  } finally {
    await new Promise<void>((resolve) => sink.end(resolve));
  }
}
