/** `/trainyard compare` reads the pull request's candidate within the App's artifact limits, not fixed defaults. */
import { Octokit } from '@octokit/rest';
import { expect, it } from 'vitest';
import { candidateMetricsForHead } from '../../src/app/run-metrics.ts';
import { validateConfig } from '../../src/app/config.ts';
import { DEFAULT_ZIP_LIMITS, UnsafeArchiveError } from '../../src/github/zip-limits.ts';
import { parse } from 'yaml';
import { useSimulator } from '../sim/vitest.ts';
import { appKey, CONFIG, pipelineArtifact, REPO, seedRepo } from './harness.ts';

const sim = useSimulator();

it('reads the newest run of the head within the configured limits', async () => {
  seedRepo(sim());
  const seeded = sim().seed.app({ slug: 'trainyard', privateKey: appKey() });
  const installation = sim().seed.installation({ appId: seeded.id, account: 'acme' });
  const octokit = new Octokit({ auth: sim().seed.installationToken({ installationId: installation.id }), baseUrl: sim().url });
  const repo = { octokit, owner: 'acme', repo: 'models' };
  const head = await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: pipelineArtifact({ roc_auc: 0.75 }) });
  const config = validateConfig(parse(CONFIG));
  expect(await candidateMetricsForHead(repo, config, 'churn', head, DEFAULT_ZIP_LIMITS)).toEqual({ roc_auc: 0.75 });
  const tight = { ...DEFAULT_ZIP_LIMITS, maxCompressedBytes: 64 };
  await expect(candidateMetricsForHead(repo, config, 'churn', head, tight)).rejects.toThrow(UnsafeArchiveError);
  const fewEntries = { ...DEFAULT_ZIP_LIMITS, maxEntries: 1 };
  await expect(candidateMetricsForHead(repo, config, 'churn', head, fewEntries)).rejects.toThrow(/entries/);
});
