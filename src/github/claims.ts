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

/** True when this caller took the claim; false when someone already had. */
export async function claimOnce(repo: Repo, key: string, sha: string): Promise<boolean> {
  try {
    await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key), sha });
    return true;
  } catch (error) {
    if (statusOf(error) === 422) return false;
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
