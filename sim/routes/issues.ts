/** Issues, and issue comments and labels on issues and pull requests (every pull request is also an issue). */
import { actingUser, type Access } from '../auth.ts';
import { commentEvent, pullRequestEvent } from '../events.ts';
import { json, type RouteRequest } from '../http.ts';
import { notFound, SimHttpError, validationFailed } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import { MAX_COMMENT_LENGTH, type Issue, type IssueComment, type Label } from '../state/issues.ts';
import type { RepoState } from '../state/repos.ts';
import { issueComment, issueView, labelView, pullAsIssue } from '../views/issues.ts';
import { bodyOf, findOr404, intParam, paginate, repoOf, strParam } from './util.ts';

const read = repoAccess('read', 'issues', 'pull_requests');
const write = repoAccess('write', 'issues', 'pull_requests');
/** Applying and removing labels: GitHub lets the triage role do it. */
const labelling: Access = { kind: 'repo', permissions: ['issues', 'pull_requests'], level: 'write', userRole: 'triage' };

function issueNumber(req: RouteRequest, repo: RepoState): number {
  const number = intParam(req, 'issue_number');
  if (!repo.pulls.some((p) => p.number === number) && !repo.issues.some((i) => i.number === number)) throw notFound();
  return number;
}

function labelsOn(req: RouteRequest, repo: RepoState, number: number): Label[] {
  return (repo.issueLabels.get(number) ?? []).map((name) => labelNamed(req, repo, name));
}

/** An issue or a pull request as the issues API shows it. */
function asIssue(req: RouteRequest, repo: RepoState, number: number): Record<string, unknown> {
  const pull = repo.pulls.find((p) => p.number === number);
  if (pull) return pullAsIssue(req.sim.urls, repo, pull, labelsOn(req, repo, number));
  return issueView(req.sim.urls, repo, findOr404(repo.issues, (i) => i.number === number), labelsOn(req, repo, number));
}

function applyLabels(req: RouteRequest, repo: RepoState, number: number, names: string[]): void {
  const current = repo.issueLabels.get(number) ?? [];
  for (const name of names) {
    const label = labelNamed(req, repo, name);
    if (!current.includes(label.name)) current.push(label.name);
  }
  repo.issueLabels.set(number, current);
}

function checkBody(body: string): void {
  if (body.length > MAX_COMMENT_LENGTH) throw validationFailed('IssueComment', 'data', 'custom', `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`);
}

function labelNamed(req: RouteRequest, repo: RepoState, name: string): Label {
  let label = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  if (!label) {
    label = { id: req.sim.state.ids.next(), name, color: 'ededed', description: null };
    repo.labels.push(label);
  }
  return label;
}

function labelsOf(req: RouteRequest, repo: RepoState, number: number): Record<string, unknown>[] {
  return (repo.issueLabels.get(number) ?? []).map((name) => labelView(req.sim.urls, repo, labelNamed(req, repo, name)));
}

const labelNames = (labels: Array<string | { name?: string }> | undefined): string[] => (labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);

export const issueRoutes: Route[] = [
  {
    operationId: 'issues/create',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ title: string | number; body?: string | null; labels?: Array<string | { name?: string }> }>(req);
      if (body.body) checkBody(body.body);
      const now = req.sim.clock.iso();
      const issue: Issue = {
        id: req.sim.state.ids.next(), number: repo.nextNumber++, title: String(body.title), body: body.body ?? null, user: actingUser(req.actor),
        state: 'open', stateReason: null, createdAt: now, updatedAt: now, closedAt: null,
      };
      repo.issues.push(issue);
      applyLabels(req, repo, issue.number, labelNames(body.labels));
      return json(201, asIssue(req, repo, issue.number));
    },
  },
  {
    operationId: 'issues/get',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, asIssue(req, repo, issueNumber(req, repo)));
    },
  },
  {
    operationId: 'issues/update',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const number = issueNumber(req, repo);
      const body = bodyOf<{ title?: string | number | null; body?: string | null; state?: 'open' | 'closed'; state_reason?: Issue['stateReason']; labels?: Array<string | { name?: string }> }>(req);
      const pull = repo.pulls.find((p) => p.number === number);
      if (pull) throw new SimHttpError(422, 'the simulator updates pull requests through the pulls API only');
      const issue = findOr404(repo.issues, (i) => i.number === number);
      if (body.body) checkBody(body.body);
      const now = req.sim.clock.iso();
      if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
      if (body.body !== undefined) issue.body = body.body;
      if (body.state && body.state !== issue.state) {
        issue.state = body.state;
        issue.closedAt = body.state === 'closed' ? now : null;
        issue.stateReason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened';
      }
      if (body.labels !== undefined) {
        repo.issueLabels.set(number, []);
        applyLabels(req, repo, number, labelNames(body.labels));
      }
      issue.updatedAt = now;
      return json(200, asIssue(req, repo, number));
    },
  },
  {
    operationId: 'issues/list-for-repo',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const state = (req.params.state as string | undefined) ?? 'open';
      const wanted = String(req.params.labels ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
      const creator = (req.params.creator as string | undefined)?.toLowerCase();
      const all = [
        ...repo.issues.map((i) => ({ number: i.number, state: i.state, created: i.createdAt, login: i.user.login })),
        ...repo.pulls.map((p) => ({ number: p.number, state: p.state, created: p.createdAt, login: p.user.login })),
      ];
      const matching = all
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => !creator || i.login.toLowerCase() === creator)
        .filter((i) => wanted.every((w) => (repo.issueLabels.get(i.number) ?? []).some((n) => n.toLowerCase() === w)))
        .sort((a, b) => (req.params.direction === 'asc' ? a.number - b.number : b.number - a.number));
      const { page, headers } = paginate(req, matching);
      return json(200, page.map((i) => asIssue(req, repo, i.number)), headers);
    },
  },
  {
    operationId: 'issues/create-comment',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const number = issueNumber(req, repo);
      const { body } = bodyOf<{ body: string }>(req);
      checkBody(body);
      const now = req.sim.clock.iso();
      const user = actingUser(req.actor);
      const comment: IssueComment = { id: req.sim.state.ids.next(), issueNumber: number, body, user, createdAt: now, updatedAt: now };
      repo.comments.push(comment);
      commentEvent(req.sim, repo, comment, 'created', user);
      return json(201, issueComment(req.sim.urls, repo, comment));
    },
  },
  {
    operationId: 'issues/list-comments',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const number = issueNumber(req, repo);
      const { page, headers } = paginate(req, repo.comments.filter((c) => c.issueNumber === number));
      return json(200, page.map((c) => issueComment(req.sim.urls, repo, c)), headers);
    },
  },
  {
    operationId: 'issues/update-comment',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const comment = findOr404(repo.comments, (c) => c.id === intParam(req, 'comment_id'));
      const { body } = bodyOf<{ body: string }>(req);
      checkBody(body);
      const user = actingUser(req.actor);
      if (req.actor.kind === 'installation' && comment.user.id !== user.id) throw new SimHttpError(403, 'Resource not accessible by integration');
      comment.body = body;
      comment.updatedAt = req.sim.clock.iso();
      commentEvent(req.sim, repo, comment, 'edited', user);
      return json(200, issueComment(req.sim.urls, repo, comment));
    },
  },
  {
    operationId: 'issues/add-labels',
    access: labelling,
    handle: (req) => {
      const repo = repoOf(req);
      const number = issueNumber(req, repo);
      const body = req.body as { labels?: Array<string | { name: string }> } | string[] | undefined;
      const names = (Array.isArray(body) ? body : (body?.labels ?? [])).map((l) => (typeof l === 'string' ? l : l.name));
      const current = repo.issueLabels.get(number) ?? [];
      const user = actingUser(req.actor);
      for (const name of names) {
        const label = labelNamed(req, repo, name);
        if (current.includes(label.name)) continue;
        current.push(label.name);
        const pull = repo.pulls.find((p) => p.number === number);
        repo.issueLabels.set(number, current);
        if (pull) pullRequestEvent(req.sim, repo, pull, 'labeled', user, { label: labelView(req.sim.urls, repo, label) });
      }
      repo.issueLabels.set(number, current);
      return json(200, labelsOf(req, repo, number));
    },
  },
  {
    operationId: 'issues/list-labels-on-issue',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, labelsOf(req, repo, issueNumber(req, repo)));
    },
  },
  {
    operationId: 'issues/remove-label',
    access: labelling,
    handle: (req) => {
      const repo = repoOf(req);
      const number = issueNumber(req, repo);
      const name = strParam(req, 'name');
      const current = repo.issueLabels.get(number) ?? [];
      const index = current.findIndex((n) => n.toLowerCase() === name.toLowerCase());
      if (index < 0) throw new SimHttpError(404, 'Label does not exist');
      current.splice(index, 1);
      return json(200, labelsOf(req, repo, number));
    },
  },
  {
    operationId: 'issues/create-label',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<{ name: string; color?: string; description?: string }>(req);
      if (repo.labels.some((l) => l.name.toLowerCase() === body.name.toLowerCase())) throw validationFailed('Label', 'name', 'already_exists');
      const label: Label = { id: req.sim.state.ids.next(), name: body.name, color: (body.color ?? 'ededed').replace(/^#/, ''), description: body.description ?? null };
      repo.labels.push(label);
      return json(201, labelView(req.sim.urls, repo, label));
    },
  },
];
