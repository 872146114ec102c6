/**
 * Run artifacts through the Actions API: list a run's artifacts, and download one zip
 * with its size bounded while it streams (the declared size is checked first, then the
 * bytes actually received), so a large or lying artifact never fills memory.
 */
import { UnsafeArchiveError, type ZipLimits } from './zip-limits.ts';
import type { Repo } from './repo.ts';

export interface ArtifactInfo {
  id: number;
  name: string;
  sizeInBytes: number;
  expired: boolean;
}

export async function listRunArtifacts(repo: Repo, runId: number): Promise<ArtifactInfo[]> {
  const artifacts = await repo.octokit.paginate(repo.octokit.rest.actions.listWorkflowRunArtifacts, { owner: repo.owner, repo: repo.repo, run_id: runId, per_page: 100 });
  return artifacts.map((a) => ({ id: a.id, name: a.name, sizeInBytes: a.size_in_bytes, expired: a.expired }));
}

async function readBounded(stream: ReadableStream<Uint8Array>, limit: number, archive: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new UnsafeArchiveError(archive, `more than ${limit} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

export async function downloadArtifact(repo: Repo, artifact: ArtifactInfo, limits: ZipLimits): Promise<Buffer> {
  const archive = `artifact ${artifact.name}`;
  if (artifact.expired) throw new UnsafeArchiveError(archive, 'has expired');
  if (artifact.sizeInBytes > limits.maxCompressedBytes) throw new UnsafeArchiveError(archive, `${artifact.sizeInBytes} bytes, more than the limit of ${limits.maxCompressedBytes}`);
  const response = await repo.octokit.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
    owner: repo.owner,
    repo: repo.repo,
    artifact_id: artifact.id,
    archive_format: 'zip',
    request: { parseSuccessResponseBody: false },
  });
  const body = response.data as unknown;
  if (body instanceof ReadableStream) return readBounded(body as ReadableStream<Uint8Array>, limits.maxCompressedBytes, archive);
  const bytes = Buffer.from(body as ArrayBuffer);
  if (bytes.length > limits.maxCompressedBytes) throw new UnsafeArchiveError(archive, `more than ${limits.maxCompressedBytes} bytes`);
  return bytes;
}
