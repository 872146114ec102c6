/**
 * `check_run.requested_action` on `trainyard / <model>`: Re-compare runs the comparison
 * of the check's pipeline run again; Retrain dispatches the retraining workflow on the
 * pull request's branch (the default branch for forks). Only people with write access.
 */
import type { Context } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import { canWrite } from '../../src/app/permissions.ts';
import { reviewPipelineRun, runPullNumbers } from '../../src/app/pipeline-review.ts';
import { dispatchRetraining } from '../../src/app/retrain.ts';
import { listRunArtifacts } from '../../src/github/artifacts.ts';
import { loadConfig, repoOf } from '../context.ts';

export function checkRunAction(deps: AppDeps) {
  return async (context: Context<'check_run.requested_action'>): Promise<void> => {
    const { check_run: check, requested_action: action, sender, repository } = context.payload;
    const model = /^trainyard \/ (.+)$/.exec(check.name)?.[1];
    const runId = Number(/^(?:retry:)?run:(\d+)$/.exec(check.external_id ?? '')?.[1]);
    if (!model || !runId || check.app?.slug !== deps.appSlug) return;
    const repo = repoOf(context);
    if (!(await canWrite(repo, sender.login))) return;
    const loaded = await loadConfig(context);
    if (!loaded.config?.models[model]) return;
    const { data: run } = await repo.octokit.rest.actions.getWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
    const fromFork = run.head_repository?.full_name !== repository.full_name;
    if (action?.identifier === 'recompare') {
      const artifact = (await listRunArtifacts(repo, run.id)).find((a) => a.name === `trainyard-${model}`);
      await reviewPipelineRun(repo, loaded.config, model, { id: run.id, headSha: run.head_sha, headBranch: run.head_branch, htmlUrl: run.html_url, conclusion: run.conclusion, fromFork, pullRequests: runPullNumbers(run) }, artifact, deps);
    } else if (action?.identifier === 'retrain') {
      await dispatchRetraining(repo, model, fromFork || !run.head_branch ? repository.default_branch : run.head_branch, `requested by ${sender.login} from the check`, '');
    }
  };
}
