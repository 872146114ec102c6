/**
 * The candidate of a commit: the newest completed run's artifact `trainyard-<model>`,
 * read within the App's artifact limits (the same ones the pull-request comparison
 * uses: pull-request code writes these archives). Its metrics file, and its predictions
 * when the model has an evaluation section (trainyard scores them itself).
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { downloadArtifact, listRunArtifacts } from '../github/artifacts.ts';
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

export async function candidateForHead(repo: Repo, config: TrainyardConfig, model: string, headSha: string, limits: ZipLimits): Promise<HeadCandidate | null> {
  const { data } = await repo.octokit.rest.actions.listWorkflowRunsForRepo({ owner: repo.owner, repo: repo.repo, head_sha: headSha, status: 'completed', per_page: 50 });
  const { file, predictions } = config.models[model]!.metrics;
  for (const run of [...data.workflow_runs].sort((a, b) => b.id - a.id)) {
    const artifact = (await listRunArtifacts(repo, run.id)).find((a) => a.name === `trainyard-${model}`);
    if (!artifact) continue;
    const files = readZip(await downloadArtifact(repo, artifact, limits), `artifact ${artifact.name}`, limits, (p) => p === file || p === predictions);
    const bytes = files.get(file);
    if (!bytes) return null;
    const document = parseBoundedJson(bytes, `${file} in artifact ${artifact.name}`, METRICS_JSON_LIMITS);
    return { metrics: flattenMetrics(document, `${artifact.name}/${file}`), metricsFile: `${artifact.name}/${file}`, predictions: files.get(predictions) ?? null, predictionsName: predictions };
  }
  return null;
}

export async function candidateMetricsForHead(repo: Repo, config: TrainyardConfig, model: string, headSha: string, limits: ZipLimits): Promise<MetricValues | null> {
  return (await candidateForHead(repo, config, model, headSha, limits))?.metrics ?? null;
}
