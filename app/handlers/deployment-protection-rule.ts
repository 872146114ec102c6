/** `deployment_protection_rule.requested`: decide the promotion gate and answer GitHub. */
import type { Context } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import { answerProtectionRule } from '../../src/app/promotion.ts';
import { loadConfig, repoOf } from '../context.ts';

export function deploymentProtectionRule(deps: AppDeps) {
  return async (context: Context<'deployment_protection_rule.requested'>): Promise<void> => {
    const { payload } = context;
    const runId = /\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(payload.deployment_callback_url ?? '')?.[1];
    if (!runId || !payload.environment || !payload.deployment) {
      context.log.warn('deployment_protection_rule without a callback URL, environment or deployment; nothing to answer');
      return;
    }
    const repo = repoOf(context);
    const loaded = await loadConfig(context);
    await answerProtectionRule(repo, loaded.config, {
      environment: payload.environment,
      sha: payload.deployment.sha,
      pullRequests: (payload.pull_requests ?? []).map((p) => p.number),
      runId: Number(runId),
      callbackUrl: payload.deployment_callback_url!,
      deploymentId: payload.deployment.id,
      runUrl: `https://github.com/${repo.owner}/${repo.repo}/actions/runs/${runId}`,
    }, loaded.problem ? `config: ${loaded.problem}` : null, deps);
  };
}
