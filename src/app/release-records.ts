/**
 * Deploy records become champions through the App. The release workflow's deploy job
 * records a promotion (`kind: deploy`) after its deploy command succeeded, with the
 * run's GITHUB_TOKEN, which any workflow on any branch also holds. So when a run of the
 * release workflow on the release branch completes with success, the App reads the run
 * from the Actions API and attests (record-attestation.ts) each deploy record that names
 * that run, is of a version GitHub attests trainyard made, and follows the App's own
 * approval of that version for that environment in that run. Nothing else is attested:
 * no single writer can move a champion.
 */
import type { TrainyardConfig } from '../config/schema.ts';
import type { Repo } from '../github/repo.ts';
import { runIdOf } from '../registry/github/trust.ts';
import { environmentOf } from './config.ts';
import { openRegistry, RELEASE_WORKFLOW } from './champion.ts';
import type { AppDeps } from './deps.ts';

export interface CompletedRun {
  id: number;
  path: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  conclusion: string | null;
  headRepo: string | null;
}

/** Attests the deploy records of a successful release run; returns the tags attested. */
export async function attestReleaseRun(repo: Repo, config: TrainyardConfig, run: CompletedRun, defaultBranch: string, deps: AppDeps): Promise<string[]> {
  if (run.path.replace(/@.*$/, '') !== RELEASE_WORKFLOW || run.headBranch !== defaultBranch || !['push', 'workflow_dispatch'].includes(run.event)) return [];
  if (run.conclusion !== 'success' || (run.headRepo !== null && run.headRepo.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase())) return [];
  const handle = openRegistry(repo, config, deps.appSlug);
  const context = { owner: repo.owner, repo: repo.repo };
  const attested: string[] = [];
  for (const [name, model] of Object.entries(config.models)) {
    const environment = environmentOf(model);
    const { history, unattested } = await handle.registry.siftHistory(name, environment);
    const ofRun = (runUrl: string | null) => runIdOf({ ...context, octokit: repo.octokit, location: '' }, runUrl) === run.id;
    const pending = unattested.filter(({ record }) => ofRun(record.runUrl) && record.kind !== 'gate' && record.decision === 'approved');
    if (pending.length === 0) continue;
    const versions = new Set((await handle.registry.versions(name)).filter((v) => v.card.commit === run.headSha).map((v) => v.version));
    for (const { record, written } of pending) {
      const approved = history.some((p) => p.kind === 'gate' && p.decision === 'approved' && p.version === record.version && ofRun(p.runUrl));
      if (!approved || !versions.has(record.version)) continue;
      await handle.registry.attest(written);
      attested.push(written.tag);
    }
  }
  return attested;
}
