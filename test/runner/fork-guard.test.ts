import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decideForkGuard, DEFAULT_SAFE_LABEL, type GuardEvent } from '../../src/runner/fork-guard.ts';
import type { GitHubRequest } from '../../src/runner/github-request.ts';

async function payload(name: string): Promise<GuardEvent['payload']> {
  return JSON.parse(await readFile(`test/fixtures/runner/${name}`, 'utf8')) as GuardEvent['payload'];
}

/** The real fork `labeled` payload, with the label a maintainer applies for trainyard. */
async function safeLabeled(): Promise<GuardEvent['payload']> {
  const labeled = await payload('fork-pr-labeled.json');
  return { ...labeled, label: { name: DEFAULT_SAFE_LABEL } };
}

function permissions(byUser: Record<string, string>): { request: GitHubRequest; asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    request: async (route, params = {}) => {
      asked.push({ route, params });
      const permission = byUser[params.username as string];
      if (!permission) throw Object.assign(new Error('Not Found'), { status: 404 });
      return { status: 200, data: { permission } };
    },
  };
}

async function sameRepoPr(): Promise<GuardEvent['payload']> {
  const text = await readFile('node_modules/@octokit/webhooks-examples/api.github.com/index.json', 'utf8');
  const all = JSON.parse(text) as Array<{ name: string; examples: GuardEvent['payload'][] }>;
  return all.find((entry) => entry.name === 'pull_request')!.examples.find((example) => example.action === 'synchronize')!;
}

describe('the fork rule on self-hosted runners (real fork PR payloads from dlang/phobos)', () => {
  it('refuses a push to a fork pull request: an earlier label no longer covers new commits', async () => {
    const decision = await decideForkGuard({ event: { name: 'pull_request', payload: await payload('fork-pr-synchronize.json') }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: null });
    expect(decision).toEqual({ allowed: false, reason: expect.stringMatching(/^pull request #4921 comes from the fork andralex\/phobos and new commits were pushed/) });
  });

  it.each([['pull_request_review_comment'], ['pull_request_review'], ['pull_request_target']])('refuses a fork pull request on a %s event that is not the label', async (name) => {
    const labeled = await payload('fork-pr-labeled.json');
    const decision = await decideForkGuard({ event: { name, payload: { ...labeled, action: 'created' } }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: null });
    expect(decision.allowed).toBe(false);
  });

  it('refuses when some other label was applied', async () => {
    const decision = await decideForkGuard({ event: { name: 'pull_request', payload: await payload('fork-pr-labeled.json') }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: permissions({ wilzbach: 'admin' }).request });
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toMatch(/this "labeled" event is not the label "trainyard:safe-to-train" being applied/);
  });

  it.each([['write'], ['maintain'], ['admin']])('allows the label applied by a maintainer with %s permission, checking it with GitHub', async (permission) => {
    const { request, asked } = permissions({ wilzbach: permission });
    const decision = await decideForkGuard({ event: { name: 'pull_request_target', payload: await safeLabeled() }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request });
    expect(decision).toEqual({ allowed: true, reason: `wilzbach (${permission}) applied "trainyard:safe-to-train" to pull request #4921 from RazvanN7/phobos after its last push` });
    expect(asked).toEqual([{ route: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission', params: { owner: 'dlang', repo: 'phobos', username: 'wilzbach' } }]);
  });

  it.each([['triage'], ['read']])('refuses the label applied by someone with only %s permission', async (permission) => {
    const decision = await decideForkGuard({ event: { name: 'pull_request', payload: await safeLabeled() }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: permissions({ wilzbach: permission }).request });
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(`whose permission on dlang/phobos is ${permission}`);
  });

  it('refuses when it cannot check the permission (no token)', async () => {
    const decision = await decideForkGuard({ event: { name: 'pull_request', payload: await safeLabeled() }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: null });
    expect(decision.allowed).toBe(false);
  });

  it('allows fork code on a GitHub-hosted runner', async () => {
    const decision = await decideForkGuard({ event: { name: 'pull_request', payload: await payload('fork-pr-synchronize.json') }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'github-hosted', request: null });
    expect(decision.allowed).toBe(true);
  });

  it('allows a pull request from a branch of the same repository (octokit example payload)', async () => {
    const decision = await decideForkGuard({ event: { name: 'pull_request', payload: await sameRepoPr() }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: null });
    expect(decision).toEqual({ allowed: true, reason: 'pull request #2 comes from Codertocat/Hello-World itself, not a fork' });
  });

  it('allows events that run the repository\'s own code', async () => {
    expect((await decideForkGuard({ event: { name: 'push', payload: {} }, label: DEFAULT_SAFE_LABEL, runnerEnvironment: 'self-hosted', request: null })).allowed).toBe(true);
  });
});
