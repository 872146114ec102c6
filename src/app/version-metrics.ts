/**
 * A registered version's metrics, read from its release asset `metrics.json` and
 * checked against the digest in its model card: the App recomputes comparisons from
 * stored bytes, never from numbers written elsewhere.
 */
import { Writable } from 'node:stream';
import { DigestMismatchError, RegistryError } from '../registry/errors.ts';
import { call, type RepoContext } from '../registry/github/client.ts';
import type { ReleaseInfo } from '../registry/github/releases.ts';
import { readAsset } from '../registry/github/transfer.ts';
import type { ModelVersion } from '../registry/types.ts';
import { flattenMetrics, type MetricValues } from '../metrics/read-metrics.ts';
import { METRICS_JSON_LIMITS, parseBoundedJson } from '../github/bounded-json.ts';

export async function readVersionMetrics(context: RepoContext, version: ModelVersion): Promise<MetricValues> {
  const file = version.card.files.find((f) => f.role === 'metrics');
  if (!file) throw new RegistryError(context.location, `${version.tag}: the model card lists no metrics file`);
  const { data } = await call(context, `reading release ${version.tag}`, () => context.octokit.rest.repos.getReleaseByTag({ owner: context.owner, repo: context.repo, tag: version.tag }));
  const asset = (data as ReleaseInfo).assets.find((a) => a.name === file.path);
  if (!asset) throw new RegistryError(context.location, `${version.tag}: missing asset ${file.path}`);
  if (asset.size > 16 * 1024 * 1024) throw new RegistryError(context.location, `${version.tag}: asset ${file.path} is ${asset.size} bytes, too large for a metrics file`);
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { chunks.push(chunk); done(); } });
  const digest = await readAsset(context, asset, sink);
  if (digest !== file.sha256) throw new DigestMismatchError(context.location, `${version.tag} ${file.path}: sha256 ${digest} differs from the card's ${file.sha256}`);
  let document: unknown;
  try {
    document = parseBoundedJson(Buffer.concat(chunks), `${version.tag}: ${file.path}`, METRICS_JSON_LIMITS);
  } catch (error) {
    throw new RegistryError(context.location, (error as Error).message);
  }
  return flattenMetrics(document, `${version.tag} ${file.path}`);
}
