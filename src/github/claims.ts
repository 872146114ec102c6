/**
 * Claims make "create once" safe across App replicas and redeliveries. Creating a git
 * ref is atomic on GitHub: of two creations of one ref, one answers 201 and the other
 * 422. So before creating something that must exist once (a sticky comment, a check
 * run, a gate answer), the App creates `refs/trainyard/claims/<digest of the key>`; the
 * replica whose creation succeeded creates the object, the others find it.
 */
import { createHash } from 'node:crypto';
import { statusOf, type Repo } from './repo.ts';

export function claimRef(key: string): string {
  return `refs/trainyard/claims/${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

const messageOf = (error: unknown): string => String((error as { response?: { data?: { message?: unknown } } }).response?.data?.message ?? (error as Error).message);

async function defaultHead(repo: Repo): Promise<string> {
  const { data } = await repo.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const { data: ref } = await repo.octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${data.default_branch}` });
  return ref.object.sha;
}

/**
 * True when this caller took the claim; false when someone already had. The ref points
 * at `sha`, or at the default branch's head when `sha` is not in the repository (a
 * fork's commit).
 */
export async function claimOnce(repo: Repo, key: string, sha: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key), sha: attempt === 0 ? sha : await defaultHead(repo) });
      return true;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      if (/already exists/i.test(messageOf(error))) return false;
      if (attempt === 1) throw error;
    }
  }
  return false;
}

/** Deletes the claim ref of `key`, so the next delivery can take it. */
export async function releaseClaim(repo: Repo, key: string): Promise<void> {
  await repo.octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key).replace(/^refs\//, '') });
}

/**
 * Claims `key` and creates the object; null when another delivery or replica holds the
 * claim. When the creation fails, the claim is released unless `exists` finds the
 * object after all (a creation GitHub made but whose answer was lost): a claim kept for
 * an object that never came would make every redelivery wait for it in vain.
 */
export async function createClaimed<T>(repo: Repo, key: string, sha: string, create: () => Promise<T>, exists: () => Promise<boolean>): Promise<T | null> {
  if (!(await claimOnce(repo, key, sha))) return null;
  try {
    return await create();
  } catch (error) {
    const made = await exists().catch(() => true);
    if (!made) await releaseClaim(repo, key).catch(() => undefined);
    throw error;
  }
}

/** Polls `find` a few times: the replica holding a claim is creating the object. */
export async function awaitObject<T>(find: () => Promise<T | null>, tries = 10, delayMs = 100): Promise<T | null> {
  for (let i = 0; i < tries; i++) {
    const found = await find();
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return null;
}
