/** `pull_request.synchronize`: a new push marks the previous comparisons stale. */
import type { Context } from 'probot';
import { botLogin, type AppDeps } from '../../src/app/deps.ts';
import { markCommentsStale } from '../../src/app/stale.ts';
import { repoOf } from '../context.ts';

export function pullRequestSynchronize(deps: AppDeps) {
  return async (context: Context<'pull_request.synchronize'>): Promise<void> => {
    const pull = context.payload.pull_request;
    await markCommentsStale(repoOf(context), pull.number, botLogin(deps));
  };
}
