/**
 * Claims make "create once" safe across App replicas and redeliveries. Creating a git
 * ref is atomic on GitHub: of two creations of one ref, one answers 201 and the other
 * 422. So before creating something that must exist once (a sticky comment, a check
 * run, a gate answer), the App creates `refs/trainyard/claims/<digest of the key>`; the
 * replica whose creation succeeded creates the object, the others find it.
 */
import { createHash } from 'node:crypto';
import { statusOf } from '../errors.ts';
import type { Repo } from './repo.ts';

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

/**
 * A lease: a claim that expires, for work a replica may die in the middle of (answering
 * the promotion gate). Each holder creates its own ref, generation by generation
 * (`<claim ref>`, then `<claim ref>-2`, `-3`...), pointing at a commit whose message
 * says until when the lease holds. Creating a ref is atomic, so of the replicas that
 * find the newest generation expired, exactly one creates the next and takes over.
 */
export interface Lease {
  key: string;
  /** The generation ref this holder created, to release. */
  ref: string;
}

const LEASE_LINE = /^trainyard lease until (\S+)$/m;

async function leaseCommit(repo: Repo, key: string, sha: string, until: Date): Promise<string> {
  let tree: string;
  try {
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha })).data.tree.sha;
  } catch (error) {
    if (statusOf(error) !== 404 && statusOf(error) !== 422) throw error;
    const head = await defaultHead(repo);
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: head })).data.tree.sha;
  }
  const { data } = await repo.octokit.rest.git.createCommit({ owner: repo.owner, repo: repo.repo, message: `trainyard lease until ${until.toISOString()}\n\n${key}\n`, tree, parents: [] });
  return data.sha;
}

const generationOf = (base: string, ref: string): number => (ref === base ? 1 : Number(ref.slice(base.length + 2)));

/** Takes the lease of `key` for `leaseMs`; null while another holder's lease runs. */
export async function takeLease(repo: Repo, key: string, sha: string, leaseMs: number, now: () => Date): Promise<Lease | null> {
  const base = claimRef(key);
  const { data: refs } = await repo.octokit.rest.git.listMatchingRefs({ owner: repo.owner, repo: repo.repo, ref: base.replace(/^refs\//, '') });
  const generations = refs.filter((r) => r.ref === base || new RegExp(`^${base}-g\\d+$`).test(r.ref)).sort((a, b) => generationOf(base, b.ref) - generationOf(base, a.ref));
  const newest = generations[0];
  let next = 1;
  if (newest) {
    const { data: commit } = await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: newest.object.sha });
    const until = LEASE_LINE.exec(commit.message)?.[1];
    // A claim without a lease line (an object created once) never expires.
    if (!until || Date.parse(until) > now().getTime()) return null;
    next = generationOf(base, newest.ref) + 1;
  }
  const ref = next === 1 ? base : `${base}-g${next}`;
  const target = await leaseCommit(repo, key, sha, new Date(now().getTime() + leaseMs));
  try {
    await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref, sha: target });
    return { key, ref };
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(messageOf(error))) return null;
    throw error;
  }
}

/** Ends a lease early, so the next delivery can take it at once. */
export async function releaseLease(repo: Repo, lease: Lease): Promise<void> {
  await repo.octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: lease.ref.replace(/^refs\//, '') });
}

const DONE_LINE = /^trainyard done: (.+)$/m;

/**
 * Marks a lease's work done, for good: its ref then points at a commit without a lease
 * line (it never expires) whose message keeps `outcome`, for redeliveries to read.
 */
export async function completeLease(repo: Repo, lease: Lease, sha: string, outcome: string): Promise<void> {
  let tree: string;
  try {
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha })).data.tree.sha;
  } catch (error) {
    if (statusOf(error) !== 404 && statusOf(error) !== 422) throw error;
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: await defaultHead(repo) })).data.tree.sha;
  }
  const { data } = await repo.octokit.rest.git.createCommit({ owner: repo.owner, repo: repo.repo, message: `trainyard done: ${outcome}\n\n${lease.key}\n`, tree, parents: [] });
  await repo.octokit.rest.git.updateRef({ owner: repo.owner, repo: repo.repo, ref: lease.ref.replace(/^refs\//, ''), sha: data.sha, force: true });
}

/** The outcome `completeLease` kept for `key`, or null when its work is not done. */
export async function leaseOutcome(repo: Repo, key: string): Promise<string | null> {
  const base = claimRef(key);
  const { data: refs } = await repo.octokit.rest.git.listMatchingRefs({ owner: repo.owner, repo: repo.repo, ref: base.replace(/^refs\//, '') });
  for (const ref of refs.filter((r) => r.ref === base || new RegExp(`^${base}-g\\d+$`).test(r.ref))) {
    const { data: commit } = await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: ref.object.sha });
    const done = DONE_LINE.exec(commit.message)?.[1];
    if (done) return done;
  }
  return null;
}
