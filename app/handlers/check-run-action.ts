/** `check_run.requested_action` on `trainyard / <model>`: Re-compare or Retrain (src/app/check-actions.ts). */
import type { Context } from 'probot';
import { checkTarget, runCheckAction } from '../../src/app/check-actions.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { loadConfig, repoOf } from '../context.ts';

export function checkRunAction(deps: AppDeps) {
  return async (context: Context<'check_run.requested_action'>): Promise<void> => {
    const { check_run: check, requested_action: action, sender, repository } = context.payload;
    const request = { checkName: check.name, externalId: check.external_id ?? null, checkApp: check.app?.slug ?? null, action: action?.identifier ?? null, sender: sender.login, repoFullName: repository.full_name, defaultBranch: repository.default_branch };
    if (!checkTarget(request, deps)) return context.log.debug(`check_run action ignored: ${check.name} is not a model check of ${deps.appSlug}`);
    const loaded = await loadConfig(context);
    const ignored = await runCheckAction(repoOf(context), loaded.config, request, deps);
    if (ignored) context.log.debug(`check_run action ignored: ${ignored}`);
  };
}
