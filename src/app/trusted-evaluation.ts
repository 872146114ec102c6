/**
 * The App's comparison for a model with an `evaluation:` section: the labelled rows
 * are read from the default branch (the pull request cannot change them), the
 * candidate's predictions from the run's artifact, the champion's from the registry,
 * and every metric trainyard can compute is computed from them on the same rows. The
 * artifact's metrics file is only checked against the computed values.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import type { Repo } from '../github/repo.ts';
import type { Comparison } from '../metrics/compare.ts';
import type { MetricValues } from '../metrics/read-metrics.ts';
import { evaluationCompareStage } from '../metrics/stages.ts';
import type { Champion, RegistryHandle } from './champion.ts';

/** GitHub's contents API returns a file's content inline up to this size. */
const CONTENT_LIMIT = 1024 * 1024;

/** One data file of the default branch, written under `dir`; refuses globs, lists and files over the contents API's inline limit. */
async function readTrustedFile(repo: Repo, file: string | string[], dir: string): Promise<string> {
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
  return path.relative(dir, target);
}

export interface ArtifactSide {
  metrics: MetricValues;
  metricsFile: string;
  /** The predictions file's bytes from the artifact. */
  predictions: Buffer;
}

export async function compareOnEvaluationRows(repo: Repo, model: ModelConfig, name: string, candidate: ArtifactSide, champion: Champion | null, handle: RegistryHandle): Promise<Comparison> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-app-eval-'));
  try {
    const trusted = await readTrustedFile(repo, model.evaluation!.file ?? model.data.train, dir);
    const predictions = path.join(dir, 'candidate', 'predictions.csv');
    await mkdir(path.dirname(predictions), { recursive: true });
    await writeFile(predictions, candidate.predictions);
    let championFiles: { metricsFile: string; predictions: string | null } | null = null;
    if (champion) {
      const present = new Set(champion.version.card.files.map((file) => file.path));
      const only = [model.metrics.file, model.metrics.predictions].filter((file) => present.has(file));
      const downloaded = await handle.registry.download(name, champion.version.version, path.join(dir, 'champion'), { only });
      const file = (await readdir(downloaded.dir)).find((entry) => entry.startsWith('predictions.'));
      championFiles = { metricsFile: path.join(downloaded.dir, 'metrics.json'), predictions: file ? path.join(downloaded.dir, file) : null };
    }
    const evaluation = { ...model.evaluation!, ...(model.evaluation!.file ? { file: trusted } : {}) };
    const { comparison } = await evaluationCompareStage({
      model: { ...model, evaluation, data: { ...model.data, train: trusted }, predict: undefined },
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
