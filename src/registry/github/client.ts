/** The Octokit calls the GitHub registry makes, with failures turned into GitHubApiError. */
import type { Octokit } from '@octokit/rest';
import { statusOf } from '../../errors.ts';
import { GitHubApiError } from '../errors.ts';

export type { Octokit };

/** The repository a registry lives in, and how to name it in messages. */
export interface RepoContext {
  octokit: Octokit;
  owner: string;
  repo: string;
  location: string;
}

/** The API's own message, which says what GitHub disliked. */
export function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  if (typeof data?.message === 'string') return data.message;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** Runs one API call; a failure becomes a GitHubApiError saying what was being done. */
export async function call<T>(context: RepoContext, doing: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const status = statusOf(error);
    if (status === null) throw error;
    throw new GitHubApiError(context.location, `${doing}: ${messageOf(error)}`, status, error);
  }
}

/** Creates a ref; false when it already exists (someone else took the name). */
export async function createRefIfFree(context: RepoContext, ref: string, sha: string): Promise<boolean> {
  try {
    await context.octokit.rest.git.createRef({ owner: context.owner, repo: context.repo, ref: `refs/${ref}`, sha });
    return true;
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(messageOf(error))) return false;
    if (statusOf(error) === 422 && /object does not exist/i.test(messageOf(error))) {
      throw new GitHubApiError(context.location, `cannot tag ${ref.replace(/^tags\//, '')}: commit ${sha} is not in ${context.owner}/${context.repo}; push it first`, 422, error);
    }
    const status = statusOf(error);
    if (status === null) throw error;
    throw new GitHubApiError(context.location, `cannot create ${ref} at ${sha}: ${messageOf(error)}`, status, error);
  }
}

/** Names of the tags starting with `prefix`. */
export async function tagsStartingWith(context: RepoContext, prefix: string): Promise<{ name: string; sha: string; type: string }[]> {
  const refs = await call(context, `listing tags ${prefix}*`, () =>
    context.octokit.paginate(context.octokit.rest.git.listMatchingRefs, { owner: context.owner, repo: context.repo, ref: `tags/${prefix}`, per_page: 100 }),
  );
  return refs.map((ref) => ({ name: ref.ref.replace(/^refs\/tags\//, ''), sha: ref.object.sha, type: ref.object.type }));
}
