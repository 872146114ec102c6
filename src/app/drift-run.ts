/** A drift run's artifact: read drift.json (bounded), and on drift open the retraining pull request. */
import { downloadArtifact, type ArtifactInfo } from '../github/artifacts.ts';
import type { Repo } from '../github/repo.ts';
import { readZip } from '../github/zip-reader.ts';
import { parseDriftReport } from '../retrain/drift-report.ts';
import { checkJsonLimits, DRIFT_JSON_LIMITS } from '../github/bounded-json.ts';
import type { AppDeps } from './deps.ts';
import { retrainOnDrift, type RetrainOutcome } from './retrain.ts';

export async function handleDriftArtifact(repo: Repo, model: string, artifact: ArtifactInfo, runUrl: string, deps: AppDeps): Promise<RetrainOutcome | null> {
  const zip = await downloadArtifact(repo, artifact, deps.limits);
  const files = readZip(zip, `artifact ${artifact.name}`, deps.limits, (path) => path === 'drift.json');
  const bytes = files.get('drift.json');
  if (!bytes) throw new Error(`artifact ${artifact.name} has no drift.json`);
  checkJsonLimits(bytes, `${artifact.name}/drift.json`, DRIFT_JSON_LIMITS);
  const report = parseDriftReport(bytes.toString('utf8'), `${artifact.name}/drift.json`);
  if (!report.drifted) return null;
  return retrainOnDrift(repo, model, report, runUrl, deps);
}
