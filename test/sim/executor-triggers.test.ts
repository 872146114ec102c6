/**
 * `on:` filters as GitHub applies them: the filter-pattern syntax, activity types with
 * GitHub's defaults, branch, tag and path filters (paths against the files the push or
 * the pull request changed in the simulator's git), workflow_run's workflows, and the
 * files GitHub refuses.
 */
import { describe, expect, it } from 'vitest';
import { WorkflowExecutor } from '../../sim/executor/executor.ts';
import { listMatches, patternRegExp, triggers, type TriggerEvent } from '../../sim/executor/filters.ts';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

const JOB = 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: "true" }]\n';

describe('filter patterns', () => {
  it.each([
    ['feature/*', 'feature/my-branch', true],
    ['feature/*', 'feature/a/b', false],
    ['feature/**', 'feature/a/b', true],
    ['main', 'main2', false],
    ['v2*', 'v2.0.1', true],
    ["v[12].[0-9]+.[0-9]+", 'v1.10.3', true],
    ["v[12].[0-9]+.[0-9]+", 'v3.0.0', false],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['**.js', 'src/js/app.js', true],
    ['**/README.md', 'README.md', true],
    ['docs/**/*.md', 'docs/README.md', true],
    ['docs/**/*.md', 'docs/a/b/guide.md', true],
    ['**/docs/**', 'space/docs/plan/space.doc', true],
    ['colou?r', 'color', true],
    ['colou?r', 'colour', true],
    ['colou?r', 'colouur', false],
    ['releases/**-alpha', 'releases/1.0-alpha', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
  ])('%s on %s: %s', (pattern, value, expected) => {
    expect(patternRegExp(pattern).test(value)).toBe(expected);
  });

  it('applies a list in order: a negative pattern excludes, a later positive one includes again', () => {
    const patterns = ['src/**', '!src/docs/**', 'src/docs/keep.md'];
    expect(listMatches(patterns, 'src/train.py')).toBe(true);
    expect(listMatches(patterns, 'src/docs/guide.md')).toBe(false);
    expect(listMatches(patterns, 'src/docs/keep.md')).toBe(true);
    expect(listMatches(patterns, 'README.md')).toBe(false);
  });
});

describe('on: as GitHub applies it', () => {
  const push = (ref: string, files: string[] = ['src/a.py']): TriggerEvent => ({ event: 'push', payload: { ref }, ref, changedFiles: () => files });
  const pull = (action: string, base = 'main', files: string[] = ['src/a.py']): TriggerEvent => ({ event: 'pull_request', payload: { action, pull_request: { base: { ref: base } } }, ref: 'refs/pull/1/merge', changedFiles: () => files });

  it('branch and tag filters: a push of the kind not filtered does not run a workflow that filters the other kind', () => {
    const branches = { push: { branches: ['main', 'release/**'] } };
    expect(triggers(branches, push('refs/heads/release/v1/x'))).toBe(true);
    expect(triggers(branches, push('refs/heads/feature'))).toBe(false);
    expect(triggers(branches, push('refs/tags/v1'))).toBe(false);
    const tags = { push: { tags: ['v*', '!v*-rc'] } };
    expect(triggers(tags, push('refs/tags/v1.2'))).toBe(true);
    expect(triggers(tags, push('refs/tags/v1.2-rc'))).toBe(false);
    expect(triggers(tags, push('refs/heads/main'))).toBe(false);
    expect(triggers({ push: { 'branches-ignore': ['dependabot/**'] } }, push('refs/heads/dependabot/npm/x'))).toBe(false);
    expect(triggers({ push: { 'branches-ignore': ['dependabot/**'] } }, push('refs/heads/main'))).toBe(true);
    expect(triggers({ push: { 'tags-ignore': ['nightly'] } }, push('refs/tags/nightly'))).toBe(false);
    expect(triggers({ push: null }, push('refs/tags/anything'))).toBe(true);
  });

  it('paths: one included file runs it; paths-ignore: one file not ignored runs it; tags are not path-filtered', () => {
    const paths = { push: { paths: ['src/**', '!src/**/*.md'] } };
    expect(triggers(paths, push('refs/heads/main', ['docs/index.md', 'src/train.py']))).toBe(true);
    expect(triggers(paths, push('refs/heads/main', ['docs/index.md', 'src/notes.md']))).toBe(false);
    expect(triggers(paths, push('refs/tags/v1', ['docs/index.md']))).toBe(true);
    const ignore = { push: { 'paths-ignore': ['docs/**', '*.md'] } };
    expect(triggers(ignore, push('refs/heads/main', ['docs/a.md', 'README.md']))).toBe(false);
    expect(triggers(ignore, push('refs/heads/main', ['docs/a.md', 'src/a.py']))).toBe(true);
    // GitHub reads the first 300 changed files only.
    const many = [...Array.from({ length: 300 }, (_, i) => `docs/${String(i).padStart(3, '0')}.md`), 'src/z.py'];
    expect(triggers(paths, push('refs/heads/main', many))).toBe(false);
  });

  it('pull_request runs for opened, synchronize and reopened unless types says otherwise; branches filter the base', () => {
    expect(triggers({ pull_request: null }, pull('opened'))).toBe(true);
    expect(triggers({ pull_request: null }, pull('synchronize'))).toBe(true);
    expect(triggers({ pull_request: null }, pull('closed'))).toBe(false);
    expect(triggers({ pull_request: null }, pull('labeled'))).toBe(false);
    expect(triggers({ pull_request_target: null }, { ...pull('edited'), event: 'pull_request_target' })).toBe(false);
    expect(triggers({ pull_request: { types: ['closed'] } }, pull('closed'))).toBe(true);
    expect(triggers({ pull_request: { branches: ['main'] } }, pull('opened', 'dev'))).toBe(false);
    expect(triggers({ pull_request: { 'branches-ignore': ['dev'] } }, pull('opened', 'dev'))).toBe(false);
    expect(triggers({ pull_request: { paths: ['src/**'] } }, pull('opened', 'main', ['docs/a.md']))).toBe(false);
  });

  it('release types, workflow_run workflows, types and the triggering run\'s branch', () => {
    expect(triggers({ release: { types: ['published'] } }, { event: 'release', payload: { action: 'created' }, ref: 'refs/tags/v1' })).toBe(false);
    expect(triggers({ release: null }, { event: 'release', payload: { action: 'created' }, ref: 'refs/tags/v1' })).toBe(true);
    const on = { workflow_run: { workflows: ['trainyard pr'], types: ['completed'], branches: ['main'] } };
    const run = (name: string, action: string, branch: string): TriggerEvent => ({ event: 'workflow_run', payload: { action, workflow_run: { name, head_branch: branch } }, ref: 'refs/heads/main' });
    expect(triggers(on, run('trainyard pr', 'completed', 'main'))).toBe(true);
    expect(triggers(on, run('trainyard pr', 'requested', 'main'))).toBe(false);
    expect(triggers(on, run('ci', 'completed', 'main'))).toBe(false);
    expect(triggers(on, run('trainyard pr', 'completed', 'tune'))).toBe(false);
    expect(triggers({ schedule: [{ cron: '0 6 * * 1' }] }, { event: 'schedule', payload: {}, ref: 'refs/heads/main' })).toBe(true);
    expect(triggers({ push: null }, { event: 'workflow_dispatch', payload: {}, ref: 'refs/heads/main' })).toBe(false);
  });
});

describe('on: filters on events from the simulator', () => {
  function seed(workflows: Record<string, string>) {
    sim().seed.user({ login: 'alice' });
    const files = Object.fromEntries(Object.entries(workflows).map(([name, on]) => [`.github/workflows/${name}.yml`, `name: ${name}\non:\n${on}${JOB}`]));
    const repo = sim().seed.repo({ fullName: 'acme/filters', collaborators: { alice: 'admin' }, files: { ...files, 'src/train.py': 'print(1)\n', 'docs/index.md': '# docs\n' } });
    const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }] });
    return { repo, executor };
  }
  const names = (runs: Array<{ workflow: string }>) => runs.map((run) => run.workflow);

  it('a push touching only docs/ does not start a workflow with paths: [src/**]; one touching src/ does', async () => {
    const { executor } = seed({ code: "  push:\n    paths: ['src/**']\n", always: '  push:\n' });
    try {
      const pushed = async (files: Record<string, string>) => {
        const before = sim().state.repo('acme/filters')!.git.refs.get('refs/heads/main')!;
        const after = await sim().scenario.push({ repo: 'acme/filters', branch: 'main', files, author: 'alice' });
        return executor.trigger({ repo: 'acme/filters', event: 'push', payload: { ref: 'refs/heads/main', before, after }, sha: after, ref: 'refs/heads/main', actor: 'alice' });
      };
      expect(names(await pushed({ 'docs/index.md': '# more docs\n' }))).toEqual(['always']);
      expect(names(await pushed({ 'src/train.py': 'print(2)\n' }))).toEqual(['always', 'code']);
      // A new branch is compared with the parent of its oldest commit no other branch holds.
      await sim().scenario.push({ repo: 'acme/filters', branch: 'docs-only', files: { 'docs/more.md': 'x\n' }, author: 'alice' });
      const tip = await sim().scenario.push({ repo: 'acme/filters', branch: 'docs-only', files: { 'docs/other.md': 'y\n' }, author: 'alice' });
      const created = await executor.trigger({ repo: 'acme/filters', event: 'push', payload: { ref: 'refs/heads/docs-only', before: '0'.repeat(40), after: tip }, sha: tip, ref: 'refs/heads/docs-only', actor: 'alice' });
      expect(names(created)).toEqual(['always']);
    } finally {
      executor.close();
    }
  });

  it('a pull request is path-filtered on its three-dot diff: a change on the base branch since it forked does not count', async () => {
    const { executor } = seed({ code: "  pull_request:\n    paths: ['src/**']\n" });
    try {
      const head = await sim().scenario.push({ repo: 'acme/filters', branch: 'docs', files: { 'docs/index.md': '# better docs\n' }, author: 'alice' });
      await sim().scenario.push({ repo: 'acme/filters', branch: 'main', files: { 'src/train.py': 'print(3)\n' }, author: 'alice' });
      const number = await sim().scenario.openPullRequest({ repo: 'acme/filters', head: 'docs', title: 'Docs', author: 'alice' });
      const pr = await sim().scenario.api<Record<string, unknown>>('alice', 'GET', `/repos/acme/filters/pulls/${number}`);
      const event = { repo: 'acme/filters', event: 'pull_request', payload: { action: 'opened', number, pull_request: pr }, sha: head, ref: `refs/pull/${number}/merge`, actor: 'alice' };
      expect(await executor.trigger(event)).toEqual([]);
      const touched = await sim().scenario.push({ repo: 'acme/filters', branch: 'docs', files: { 'src/evaluate.py': 'print(4)\n' }, author: 'alice' });
      const synced = await sim().scenario.api<Record<string, unknown>>('alice', 'GET', `/repos/acme/filters/pulls/${number}`);
      expect(names(await executor.trigger({ ...event, payload: { action: 'synchronize', number, pull_request: synced }, sha: touched }))).toEqual(['code']);
    } finally {
      executor.close();
    }
  });

  it('refuses paths with paths-ignore as GitHub does, and filter keys it does not apply, by name', async () => {
    const both = seed({ both: "  push:\n    paths: ['src/**']\n    paths-ignore: ['docs/**']\n" });
    const base = { repo: 'acme/filters', event: 'push', payload: { ref: 'refs/heads/main' }, sha: both.repo.headSha!, ref: 'refs/heads/main', actor: 'alice' };
    await expect(both.executor.trigger(base)).rejects.toThrow('.github/workflows/both.yml: on.push: you may only define one of `paths` and `paths-ignore` for a single event');
    both.executor.close();
    expect(() => triggers({ image_version: { names: ['runner'] } }, { event: 'image_version', payload: { action: 'ready' }, ref: 'refs/heads/main' })).toThrow(/on\.image_version\.names is not supported by the workflow executor \(it applies types\)/);
  });
});
