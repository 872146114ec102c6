/**
 * Untrusted code never reaches a self-hosted GPU runner. A pull request from a fork runs
 * there only when a maintainer (write access or more) applied the configured label, and
 * applied it after the last push: on a `labeled` event for that label. A later push
 * (`synchronize`) needs the label applied again, so a reviewed commit cannot be swapped.
 */
import { statusOf } from '../errors.ts';
import type { GitHubRequest } from './github-request.ts';

export const DEFAULT_SAFE_LABEL = 'trainyard:safe-to-train';
const WRITE = ['admin', 'maintain', 'write'];

/** The parts of a workflow event that the rule reads. */
export interface GuardEvent {
  name: string;
  payload: {
    action?: string;
    label?: { name?: string };
    sender?: { login?: string };
    repository?: { full_name?: string };
    pull_request?: { number?: number; head?: { repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } };
  };
}

export interface GuardDecision {
  allowed: boolean;
  reason: string;
}


export async function decideForkGuard(options: {
  event: GuardEvent;
  label: string;
  /** RUNNER_ENVIRONMENT: `github-hosted` or `self-hosted`. */
  runnerEnvironment: string | undefined;
  /** Reads a user's permission on the repository (`GET …/collaborators/{u}/permission`). */
  request: GitHubRequest | null;
}): Promise<GuardDecision> {
  const { event, label } = options;
  const pr = event.payload.pull_request;
  // Every event that carries a pull request (pull_request, pull_request_target,
  // pull_request_review, pull_request_review_comment, and any GitHub adds) is judged by
  // where the pull request comes from, not by a list of event names.
  if (!pr) return { allowed: true, reason: `a ${event.name} event runs the repository's own code` };
  const base = pr.base?.repo?.full_name ?? event.payload.repository?.full_name ?? '';
  const head = pr.head?.repo?.full_name ?? null;
  if (head === base) return { allowed: true, reason: `pull request #${pr.number} comes from ${base} itself, not a fork` };
  if (options.runnerEnvironment === 'github-hosted') return { allowed: true, reason: 'the runner is GitHub-hosted and discarded after the job' };
  const from = head ?? 'a deleted fork';
  if (event.payload.action !== 'labeled' || event.payload.label?.name !== label) {
    const why = event.payload.action === 'synchronize' ? 'new commits were pushed, so an earlier review no longer covers them' : `this "${event.payload.action ?? event.name}" event is not the label "${label}" being applied`;
    return { allowed: false, reason: `pull request #${pr.number} comes from the fork ${from} and ${why}; a maintainer with write access must review the code and apply "${label}" after the last push` };
  }
  const sender = event.payload.sender?.login ?? '';
  if (!options.request) return { allowed: false, reason: `cannot check that ${sender} may approve fork code: no token to read permissions (pass github-token)` };
  const [owner, repo] = base.split('/');
  let permission: string;
  try {
    const answer = await options.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner, repo, username: sender });
    permission = (answer.data as { permission?: string }).permission ?? 'none';
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404) return { allowed: false, reason: `cannot read ${sender}'s permission on ${base} (HTTP ${status ?? 'error'}); refusing fork code` };
    permission = 'none';
  }
  if (!WRITE.includes(permission)) return { allowed: false, reason: `"${label}" was applied by ${sender}, whose permission on ${base} is ${permission}; only write, maintain or admin can approve fork code` };
  return { allowed: true, reason: `${sender} (${permission}) applied "${label}" to pull request #${pr.number} from ${from} after its last push` };
}
