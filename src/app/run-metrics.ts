/**
 * The candidate of a commit: the newest completed run's artifact `trainyard-<model>`,
 * read within the App's artifact limits (the same ones the pull-request comparison
 * uses: pull-request code writes these archives). Its metrics file, and its predictions
 * when the model has an evaluation section (trainyard scores them itself).
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { downloadArtifact, listRunArtifacts, type ArtifactInfo } from '../github/artifacts.ts';
import type { Repo } from '../github/repo.ts';
import type { ZipLimits } from '../github/zip-limits.ts';
import { readZip } from '../github/zip-reader.ts';
import { METRICS_JSON_LIMITS, parseBoundedJson } from '../github/bounded-json.ts';
import { flattenMetrics, type MetricValues } from '../metrics/read-metrics.ts';

export interface HeadCandidate {
  metrics: MetricValues;
  /** Where the metrics came from: `<artifact>/<file>`. */
  metricsFile: string;
  /** The predictions file's bytes; null when the artifact has none. */
  predictions: Buffer | null;
  predictionsName: string;
}

/** Which files of a candidate's artifact to read: the metrics file, and the predictions when `withPredictions`. */
export interface CandidateFiles {
  metricsFile: string;
  predictionsFile: string;
  withPredictions: boolean;
}

/**
 * The candidate in one run's artifact `trainyard-<model>`: only the wanted entries are
 * extracted, and the metrics file is parsed within the bounded-JSON limits and
 * flattened. Null when the artifact has no metrics file.
 */
export async function readCandidateArtifact(repo: Repo, artifact: ArtifactInfo, files: CandidateFiles, limits: ZipLimits): Promise<HeadCandidate | null> {
  const { metricsFile, predictionsFile, withPredictions } = files;
  const entries = readZip(await downloadArtifact(repo, artifact, limits), `artifact ${artifact.name}`, limits, (p) => p === metricsFile || (withPredictions && p === predictionsFile));
  const bytes = entries.get(metricsFile);
  if (!bytes) return null;
  const document = parseBoundedJson(bytes, `${metricsFile} in artifact ${artifact.name}`, METRICS_JSON_LIMITS);
  const source = `${artifact.name}/${metricsFile}`;
  return { metrics: flattenMetrics(document, source), metricsFile: source, predictions: entries.get(predictionsFile) ?? null, predictionsName: predictionsFile };
}

export async function candidateForHead(repo: Repo, config: TrainyardConfig, model: string, headSha: string, limits: ZipLimits): Promise<HeadCandidate | null> {
  const { data } = await repo.octokit.rest.actions.listWorkflowRunsForRepo({ owner: repo.owner, repo: repo.repo, head_sha: headSha, status: 'completed', per_page: 50 });
  const { file, predictions } = config.models[model]!.metrics;
  for (const run of [...data.workflow_runs].sort((a, b) => b.id - a.id)) {
    const artifact = (await listRunArtifacts(repo, run.id)).find((a) => a.name === `trainyard-${model}`);
    if (!artifact) continue;
    return readCandidateArtifact(repo, artifact, { metricsFile: file, predictionsFile: predictions, withPredictions: true }, limits);
  }
  return null;
}

export async function candidateMetricsForHead(repo: Repo, config: TrainyardConfig, model: string, headSha: string, limits: ZipLimits): Promise<MetricValues | null> {
  return (await candidateForHead(repo, config, model, headSha, limits))?.metrics ?? null;
}
