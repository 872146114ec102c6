/**
 * The App's comparison for a model with an `evaluation:` section: the labelled rows
 * are read from the default branch (the pull request cannot change them), the
 * candidate's predictions from the run's artifact, the champion's from the registry,
 * and every metric trainyard can compute is computed from them on the same rows. The
 * artifact's metrics file is only checked against the computed values.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import type { Repo } from '../github/repo.ts';
import type { Comparison } from '../metrics/compare.ts';
import type { MetricValues } from '../metrics/read-metrics.ts';
import type { ModelVersion } from '../registry/types.ts';
import { evaluationCompareStage } from '../metrics/stages.ts';
import type { TrustedEvaluationData } from '../metrics/trusted-labels.ts';
import type { Champion, RegistryHandle } from './champion.ts';

/** GitHub's contents API returns a file's content inline up to this size. */
const CONTENT_LIMIT = 1024 * 1024;

/** One data file of the default branch, written under `dir`; refuses globs, lists and files over the contents API's inline limit. */
async function readTrustedFile(repo: Repo, file: string | string[], dir: string): Promise<TrustedEvaluationData> {
  if (Array.isArray(file) || /[*?[\]{}]/.test(file)) {
    throw new Error(`the App reads the evaluation rows from one file of the default branch; evaluation.file (or data.train) is ${JSON.stringify(file)}`);
  }
  const { data: meta } = await repo.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const { data } = await repo.octokit.rest.repos.getContent({ owner: repo.owner, repo: repo.repo, path: file, ref: meta.default_branch });
  if (Array.isArray(data) || data.type !== 'file') throw new Error(`${file} on ${meta.default_branch} is not a file; expected the evaluation rows`);
  if (data.size > CONTENT_LIMIT) throw new Error(`${file} on ${meta.default_branch} has ${data.size} bytes; the App reads evaluation rows of at most ${CONTENT_LIMIT} (use a smaller evaluation.file)`);
  const target = path.join(dir, 'trusted', path.normalize(file).replace(/^(\.\.(\/|\\|$))+/, ''));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, Buffer.from((data as { content: string }).content, 'base64'));
  return { paths: target, labels: `${meta.default_branch}:${file}`, trusted: true, fallback: null };
}

export interface ArtifactSide {
  metrics: MetricValues;
  metricsFile: string;
  /** The predictions file's bytes from the artifact. */
  predictions: Buffer;
  /** The predictions file's name (its extension tells its format); predictions.csv when absent. */
  predictionsName?: string;
}

/** A registered version's metrics and predictions files (by their roles in the card), downloaded with their digests checked. */
async function downloadEvidence(handle: RegistryHandle, name: string, version: ModelVersion, dir: string): Promise<{ metricsFile: string; predictions: string | null }> {
  const metrics = version.card.files.find((file) => file.role === 'metrics');
  const predictions = version.card.files.find((file) => file.role === 'predictions');
  const only = [metrics, predictions].flatMap((file) => (file ? [file.path] : []));
  const downloaded = await handle.registry.download(name, version.version, dir, { only });
  return {
    metricsFile: path.join(downloaded.dir, metrics?.path ?? 'metrics.json'),
    predictions: predictions ? path.join(downloaded.dir, predictions.path) : null,
  };
}

/**
 * A registered version as the candidate side of a comparison on the evaluation rows:
 * its metrics file (what the trainer reported) and its predictions, both from the
 * registry's assets with their digests checked against the card.
 */
export async function registeredSide(handle: RegistryHandle, version: ModelVersion): Promise<ArtifactSide> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-app-version-'));
  try {
    const files = await downloadEvidence(handle, version.model, version, path.join(dir, 'version'));
    if (!files.predictions) throw new Error(`${version.tag} has no predictions file in the registry; the model's evaluation section needs the candidate's predictions`);
    return {
      metrics: await handle.readMetrics(version),
      metricsFile: `${version.tag} ${path.basename(files.metricsFile)}`,
      predictions: await readFile(files.predictions),
      predictionsName: path.basename(files.predictions),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Candidate against champion (or any registered version) on the evaluation rows of the
 * default branch. The champion's metrics file is used only for metrics trainyard cannot
 * compute; its predictions are scored on the same rows as the candidate's.
 */
export async function compareOnEvaluationRows(repo: Repo, model: ModelConfig, name: string, candidate: ArtifactSide, champion: Champion | null, handle: RegistryHandle): Promise<Comparison> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-app-eval-'));
  try {
    const trusted = await readTrustedFile(repo, model.evaluation!.file ?? model.data.train, dir);
    const predictions = path.join(dir, 'candidate', `predictions${path.extname(candidate.predictionsName ?? '') || '.csv'}`);
    await mkdir(path.dirname(predictions), { recursive: true });
    await writeFile(predictions, candidate.predictions);
    const championFiles = champion ? await downloadEvidence(handle, name, champion.version, path.join(dir, 'champion')) : null;
    const { comparison } = await evaluationCompareStage({
      model: { ...model, predict: undefined },
      trusted,
      candidate: { metrics: candidate.metrics, metricsFile: candidate.metricsFile, predictions: path.relative(dir, predictions) },
      champion: champion && championFiles ? { tag: champion.version.tag, ...championFiles, modelDir: null } : null,
      cwd: dir,
      workDir: path.join(dir, 'work'),
    });
    return comparison;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
