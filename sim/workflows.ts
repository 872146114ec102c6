/**
 * Workflows come from the repository's files: every `.github/workflows/*.yml` on the
 * default branch is a workflow, with a stable id, named by its `name:`. Dispatch needs
 * the file at the dispatched ref to declare `workflow_dispatch`.
 */
import { parse } from 'yaml';
import type { SimContext } from './context.ts';
import type { Workflow } from './state/actions.ts';
import type { RepoState } from './state/repos.ts';

const DIR = '.github/workflows';

function parseWorkflow(text: string): Record<string, unknown> {
  try {
    const doc = parse(text) as unknown;
    return typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function fileAt(repo: RepoState, commit: string, path: string): string | undefined {
  const entry = repo.git.entryAt(commit, path);
  const blob = entry?.type === 'blob' ? repo.git.get(entry.sha, 'blob') : undefined;
  return blob?.content.toString('utf8');
}

/** The workflows on the default branch, registering ids for new files. */
export function workflowsOf(ctx: SimContext, repo: RepoState): Workflow[] {
  const head = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`);
  const dir = head ? repo.git.entryAt(head, DIR) : undefined;
  const tree = dir?.type === 'tree' ? repo.git.get(dir.sha, 'tree') : undefined;
  for (const entry of tree?.entries ?? []) {
    if (!/\.ya?ml$/.test(entry.path)) continue;
    const path = `${DIR}/${entry.path}`;
    if (repo.workflows.some((w) => w.path === path)) continue;
    const name = parseWorkflow(fileAt(repo, head!, path) ?? '').name;
    repo.workflows.push({ id: ctx.state.ids.next(), path, name: typeof name === 'string' ? name : path, createdAt: ctx.clock.iso() });
  }
  return repo.workflows;
}

/** A workflow by numeric id or file name (`train.yml`). */
export function findWorkflow(ctx: SimContext, repo: RepoState, idOrFile: string | number): Workflow | undefined {
  return workflowsOf(ctx, repo).find((w) => String(w.id) === String(idOrFile) || w.path === `${DIR}/${idOrFile}`);
}

/** Whether the workflow file at `commit` can be dispatched (`on: workflow_dispatch`). */
export function isDispatchable(repo: RepoState, commit: string, path: string): boolean {
  const on = parseWorkflow(fileAt(repo, commit, path) ?? '').on;
  if (typeof on === 'string') return on === 'workflow_dispatch';
  if (Array.isArray(on)) return on.includes('workflow_dispatch');
  return typeof on === 'object' && on !== null && 'workflow_dispatch' in on;
}
