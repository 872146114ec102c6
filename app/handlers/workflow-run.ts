/** `workflow_run.completed`: a finished pipeline, drift, retraining or release run (src/app/completed-run.ts). */
import type { Context } from 'probot';
import { completedRunOf, handleCompletedRun } from '../../src/app/completed-run.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { reportConfigProblem } from '../../src/app/guarded.ts';
import { loadConfig, repoOf } from '../context.ts';

export function workflowRunCompleted(deps: AppDeps) {
  return async (context: Context<'workflow_run.completed'>): Promise<void> => {
    const run = completedRunOf(context.payload);
    const repo = repoOf(context);
    const loaded = await loadConfig(context);
    if (!loaded.config) return reportConfigProblem(repo, run.headSha, loaded.problem, deps);
    const outcome = await handleCompletedRun(repo, loaded.config, run, deps);
    if (outcome.ignored) context.log.debug(`workflow_run ignored: ${outcome.ignored}`);
  };
}
