/**
 * Pull requests from branches and forks, reviews tied to the head commit they were made
 * on, and merges that write a real merge commit onto the base branch.
 */
import { actingUser } from '../auth.ts';
import { pullRequestEvent, refMoved, reviewSubmitted } from '../events.ts';
import { json, type RouteRequest } from '../http.ts';
import { SimHttpError } from '../http-error.ts';
import { mergeTrees } from '../pull-refs.ts';
import { repoAccess, type Route } from '../route.ts';
import { matchesState, type PullRequest, type Review, type ReviewState } from '../state/pulls.ts';
import type { RepoState } from '../state/repos.ts';
import { commitsBetween, commitView } from '../views/git.ts';
import { pullHeadSha, pullRequest, review } from '../views/pulls.ts';
import { bodyOf, findOr404, intParam, paginate, repoOf } from './util.ts';

function pullOf(req: RouteRequest, repo: RepoState): PullRequest {
  return findOr404(repo.pulls, (p) => p.number === intParam(req, 'pull_number'));
}

function view(req: RouteRequest, repo: RepoState, pull: PullRequest): Record<string, unknown> {
  return pullRequest(req.sim, repo, pull, pullHeadSha(req.sim, pull));
}

/**
 * The commits of a pull request, oldest first: reachable from its head and not from its
 * base (the base branch now while open; the merge commit's first parent once merged).
 */
export function pullCommits(req: RouteRequest, repo: RepoState, pull: PullRequest): { store: RepoState; shas: string[] } {
  const head = pullHeadSha(req.sim, pull);
  const store = repo.git.get(head, 'commit') ? repo : req.sim.state.repo(pull.head.repo) ?? repo;
  const base = pull.merged && pull.mergeCommitSha ? repo.git.get(pull.mergeCommitSha, 'commit')?.parents[0] ?? null : repo.git.refs.get(`refs/heads/${pull.base.ref}`) ?? null;
  return { store, shas: commitsBetween(store.git, base, head) };
}

/** `branch` or `owner:branch` (a fork) to the head branch and its repository. */
function parseHead(req: RouteRequest, repo: RepoState, head: string): { ref: string; repo: RepoState } {
  const [owner, ref] = head.includes(':') ? head.split(':', 2) as [string, string] : [repo.owner.login, head];
  const headRepo = owner.toLowerCase() === repo.owner.login.toLowerCase()
    ? repo
    : [...req.sim.state.repos.values()].find((r) => r.owner.login.toLowerCase() === owner.toLowerCase() && r.parent?.toLowerCase() === repo.fullName.toLowerCase());
  if (!headRepo || !headRepo.git.refs.has(`refs/heads/${ref}`)) throw new SimHttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  return { ref, repo: headRepo };
}

const EVENT_STATE: Record<string, ReviewState> = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' };

export const pullRoutes: Route[] = [
  {
    operationId: 'pulls/create',
    // Anyone who can read the base repository may propose changes to it, from a fork.
    access: { kind: 'repo', permissions: ['pull_requests'], level: 'write', userRole: 'read' },
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ title?: string; head: string; base: string; body?: string; draft?: boolean; maintainer_can_modify?: boolean }>(req);
      if (!body.title) throw new SimHttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
      const head = parseHead(req, repo, body.head);
      const baseSha = repo.git.refs.get(`refs/heads/${body.base}`);
      if (!baseSha) throw new SimHttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      const headSha = head.repo.git.refs.get(`refs/heads/${head.ref}`)!;
      if (headSha === baseSha) throw new SimHttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${body.head}` }]);
      if (repo.pulls.some((p) => p.state === 'open' && p.head.ref === head.ref && p.head.repo === head.repo.fullName && p.base.ref === body.base)) {
        throw new SimHttpError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${head.repo.owner.login}:${head.ref}.` }]);
      }
      const now = req.sim.clock.iso();
      const user = actingUser(req.actor);
      const pull: PullRequest = {
        id: req.sim.state.ids.next(),
        number: repo.nextNumber++,
        title: body.title,
        body: body.body ?? null,
        user,
        state: 'open',
        draft: body.draft ?? false,
        head: { ref: head.ref, repo: head.repo.fullName },
        base: { ref: body.base, repo: repo.fullName },
        merged: false,
        mergedBy: null,
        mergedAt: null,
        mergeCommitSha: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
        reviews: [],
        maintainerCanModify: body.maintainer_can_modify ?? false,
        lastHeadSha: headSha,
      };
      repo.pulls.push(pull);
      pullRequestEvent(req.sim, repo, pull, 'opened', user);
      return json(201, view(req, repo, pull));
    },
  },
  {
    operationId: 'pulls/get',
    access: repoAccess('read', 'pull_requests'),
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, view(req, repo, pullOf(req, repo)));
    },
  },
  {
    operationId: 'pulls/list',
    access: repoAccess('read', 'pull_requests'),
    handle: (req) => {
      const repo = repoOf(req);
      const state = (req.params.state as string | undefined) ?? 'open';
      const head = req.params.head as string | undefined;
      const base = req.params.base as string | undefined;
      const list = repo.pulls
        .filter((p) => matchesState(p, state))
        .filter((p) => !base || p.base.ref === base)
        .filter((p) => !head || `${req.sim.state.repo(p.head.repo)!.owner.login}:${p.head.ref}`.toLowerCase() === head.toLowerCase())
        .reverse();
      const { page, headers } = paginate(req, list);
      return json(200, page.map((p) => view(req, repo, p)), headers);
    },
  },
  {
    operationId: 'pulls/update',
    access: repoAccess('write', 'pull_requests'),
    handle: (req) => {
      const repo = repoOf(req);
      const pull = pullOf(req, repo);
      const body = bodyOf<{ title?: string; body?: string; state?: 'open' | 'closed'; base?: string }>(req);
      if (body.title !== undefined) pull.title = body.title;
      if (body.body !== undefined) pull.body = body.body;
      if (body.base !== undefined) {
        if (!repo.git.refs.has(`refs/heads/${body.base}`)) throw new SimHttpError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
        pull.base = { ...pull.base, ref: body.base };
      }
      const now = req.sim.clock.iso();
      pull.updatedAt = now;
      if (body.state && body.state !== pull.state && !pull.merged) {
        pull.state = body.state;
        pull.closedAt = body.state === 'closed' ? now : null;
        pullRequestEvent(req.sim, repo, pull, body.state === 'closed' ? 'closed' : 'reopened', actingUser(req.actor));
      }
      return json(200, view(req, repo, pull));
    },
  },
  {
    operationId: 'pulls/merge',
    access: repoAccess('write', 'contents'),
    handle: (req) => {
      const repo = repoOf(req);
      const pull = pullOf(req, repo);
      const body = bodyOf<{ commit_title?: string; commit_message?: string; sha?: string; merge_method?: 'merge' | 'squash' | 'rebase' }>(req);
      if (pull.state !== 'open') throw new SimHttpError(405, 'Pull Request is not mergeable');
      const headSha = pullHeadSha(req.sim, pull);
      if (body.sha && body.sha !== headSha) throw new SimHttpError(409, 'Head branch was modified. Review and try the merge again.');
      const baseRef = `refs/heads/${pull.base.ref}`;
      const baseSha = repo.git.refs.get(baseRef)!;
      const headRepo = req.sim.state.repo(pull.head.repo)!;
      for (const [sha, object] of headRepo.git.objects) repo.git.objects.set(sha, object);
      // The merged tree as git makes it; a conflict makes the pull request unmergeable.
      const tree = mergeTrees(repo.git, baseSha, headSha);
      if (tree === null) throw new SimHttpError(405, 'Pull Request is not mergeable');
      const user = actingUser(req.actor);
      const author = { name: user.login, email: `${user.id}+${user.login}@users.noreply.github.com`, date: req.sim.clock.iso() };
      const method = body.merge_method ?? 'merge';
      const title = body.commit_title ?? (method === 'squash' ? `${pull.title} (#${pull.number})` : `Merge pull request #${pull.number} from ${headRepo.owner.login}/${pull.head.ref}`);
      const message = body.commit_message ? `${title}\n\n${body.commit_message}` : title;
      const parents = method === 'merge' ? [baseSha, headSha] : [baseSha];
      const sha = repo.git.writeCommit({ tree, parents, message, author });
      repo.git.refs.set(baseRef, sha);
      Object.assign(pull, { state: 'closed', merged: true, mergedBy: user, mergedAt: author.date, closedAt: author.date, mergeCommitSha: sha, lastHeadSha: headSha, updatedAt: author.date });
      refMoved(req.sim, repo, baseRef, baseSha, sha, user);
      pullRequestEvent(req.sim, repo, pull, 'closed', user);
      return json(200, { sha, merged: true, message: 'Pull Request successfully merged' });
    },
  },
  {
    operationId: 'pulls/list-commits',
    access: repoAccess('read', 'pull_requests'),
    handle: (req) => {
      const repo = repoOf(req);
      const pull = pullOf(req, repo);
      const { store, shas } = pullCommits(req, repo, pull);
      const { page, headers } = paginate(req, shas);
      return json(200, page.map((sha) => commitView(req.sim.urls, req.sim.state.users, store, sha)), headers);
    },
  },
  {
    // As GitHub documents it: a commit on the default branch lists the merged pull requests
    // that brought it (by their merge commit or their commits); a commit elsewhere lists
    // the open pull requests holding it.
    operationId: 'repos/list-pull-requests-associated-with-commit',
    access: repoAccess('read', 'contents'),
    handle: (req) => {
      const repo = repoOf(req);
      const sha = req.params.commit_sha as string;
      const holding = repo.pulls.filter((p) => p.mergeCommitSha === sha || pullCommits(req, repo, p).shas.includes(sha));
      // A fork's commits are the repository's too once a pull request brings them (refs/pull/N/head).
      if (!repo.git.get(sha, 'commit') && holding.length === 0) throw new SimHttpError(422, `No commit found for SHA: ${sha}`);
      const defaultHead = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`) ?? null;
      const onDefault = defaultHead !== null && commitsBetween(repo.git, null, defaultHead).includes(sha);
      const list = holding.filter((p) => (onDefault ? p.merged : p.state === 'open')).reverse();
      const { page, headers } = paginate(req, list);
      return json(200, page.map((p) => view(req, repo, p)), headers);
    },
  },
  {
    operationId: 'pulls/list-reviews',
    access: repoAccess('read', 'pull_requests'),
    handle: (req) => {
      const repo = repoOf(req);
      const pull = pullOf(req, repo);
      const { page, headers } = paginate(req, pull.reviews);
      return json(200, page.map((r) => review(req.sim, repo, pull, r)), headers);
    },
  },
  {
    operationId: 'pulls/create-review',
    access: repoAccess('write', 'pull_requests'),
    handle: (req) => {
      const repo = repoOf(req);
      const pull = pullOf(req, repo);
      const body = bodyOf<{ commit_id?: string; body?: string; event?: string }>(req);
      const user = actingUser(req.actor);
      const state = body.event ? EVENT_STATE[body.event] : 'PENDING';
      if (!state) throw new SimHttpError(422, 'Unprocessable Entity');
      if (state !== 'PENDING' && state !== 'COMMENTED' && user.id === pull.user.id) {
        throw new SimHttpError(422, 'Unprocessable Entity', [`Can not ${state === 'APPROVED' ? 'approve' : 'request changes on'} your own pull request`]);
      }
      if ((state === 'CHANGES_REQUESTED' || state === 'COMMENTED') && !body.body) throw new SimHttpError(422, 'Unprocessable Entity', ['Body is required']);
      const r: Review = {
        id: req.sim.state.ids.next(),
        user,
        body: body.body ?? '',
        state,
        commitId: body.commit_id ?? pullHeadSha(req.sim, pull),
        submittedAt: state === 'PENDING' ? null : req.sim.clock.iso(),
      };
      pull.reviews.push(r);
      if (state !== 'PENDING') reviewSubmitted(req.sim, repo, pull, r);
      return json(200, review(req.sim, repo, pull, r));
    },
  },
];

