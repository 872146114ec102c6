/**
 * The candidate metrics of a commit: the newest completed run's artifact
 * `trainyard-<model>`, read within the App's artifact limits (the same ones the
 * pull-request comparison uses: pull-request code writes these archives).
 */
import type { TrainyardConfig } from '../config/schema.ts';
import { downloadArtifact, listRunArtifacts } from '../github/artifacts.ts';
import type { Repo } from '../github/repo.ts';
import type { ZipLimits } from '../github/zip-limits.ts';
import { readZip } from '../github/zip-reader.ts';
import { METRICS_JSON_LIMITS, parseBoundedJson } from '../github/bounded-json.ts';
import { flattenMetrics, type MetricValues } from '../metrics/read-metrics.ts';

export async function candidateMetricsForHead(repo: Repo, config: TrainyardConfig, model: string, headSha: string, limits: ZipLimits): Promise<MetricValues | null> {
  const { data } = await repo.octokit.rest.actions.listWorkflowRunsForRepo({ owner: repo.owner, repo: repo.repo, head_sha: headSha, status: 'completed', per_page: 50 });
  const file = config.models[model]!.metrics.file;
  for (const run of [...data.workflow_runs].sort((a, b) => b.id - a.id)) {
    const artifact = (await listRunArtifacts(repo, run.id)).find((a) => a.name === `trainyard-${model}`);
    if (!artifact) continue;
    const files = readZip(await downloadArtifact(repo, artifact, limits), `artifact ${artifact.name}`, limits, (p) => p === file);
    const bytes = files.get(file);
    if (!bytes) return null;
    const document = parseBoundedJson(bytes, `${file} in artifact ${artifact.name}`, METRICS_JSON_LIMITS);
    return flattenMetrics(document, `${artifact.name}/${file}`);
  }
  return null;
}
