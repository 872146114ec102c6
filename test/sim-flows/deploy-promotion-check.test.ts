/**
 * `trainyard deploy --require-check` against the simulator: where custom deployment
 * protection rules are unavailable, deploy goes ahead only when the App's newest
 * "trainyard / promotion" check on the commit succeeded. Anything else stops it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempDir, writeOutputs } from '../registry/fixtures.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();
const APP_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const CHECK = 'trainyard / promotion';

interface Setup {
  cwd: string;
  sha: string;
  env: Record<string, string | undefined>;
  /** The App's client, which alone may write check runs. */
  app: Octokit;
  appId: number;
}

/** acme/models with churn v1 registered from its head commit, and the trainyard App installed. */
async function registered(): Promise<Setup> {
  const { token } = sim().seed.user({ login: 'alice' });
  const repo = sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' }, collaborators: { alice: 'write' }, immutableReleases: true });
  const seeded = sim().seed.app({ slug: 'trainyard', privateKey: APP_KEY });
  const installation = sim().seed.installation({ appId: seeded.id, account: 'acme' });
  const cwd = await tempDir('trainyard-deploy-');
  await writeOutputs(path.join(cwd, 'out'), 1);
  const lineage = path.join(cwd, 'out', 'lineage.json');
  await writeFile(lineage, (await readFile(lineage, 'utf8')).replace('a'.repeat(40), repo.headSha!));
  const env = { PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sim().url, GITHUB_ACTOR: 'alice' };
  const registering = await runCli(['registry', 'register', 'churn', '--from', 'out', '--registry', 'github:acme/models'], { cwd, env });
  expect(registering.code, registering.stderr).toBe(0);
  const app = new Octokit({ auth: sim().seed.installationToken({ installationId: installation.id }), baseUrl: sim().url });
  return { cwd, sha: repo.headSha!, env, app, appId: seeded.id };
}

const deploy = (setup: Setup, sha: string) =>
  runCli(['deploy', '-m', 'churn', '-e', 'production', '--registry', 'github:acme/models', '--require-check', sha, '--out', 'deployed'], { cwd: setup.cwd, env: { ...setup.env, TRAINYARD_APP_ID: String(setup.appId) } });

const promotions = () => sim().state.repo('acme/models')!.releases.filter((release) => release.tagName.includes('production'));

describe('trainyard deploy --require-check against GitHub (the simulator)', () => {
  it('refuses to deploy a commit with no promotion check (fail closed)', async () => {
    const setup = await registered();
    const result = await deploy(setup, setup.sha);
    expect([result.code, result.stdout, result.stderr]).toEqual([1, '', `trainyard: github:acme/models: commit ${setup.sha} has no "${CHECK}" check by App ${setup.appId}; refusing to deploy\n`]);
    expect(promotions()).toEqual([]);
  });

  it.each([
    ['failure', { status: 'completed', conclusion: 'failure' }, 'concluded failure'],
    ['in progress', { status: 'in_progress' }, 'is in_progress'],
    ['action required', { status: 'completed', conclusion: 'action_required' }, 'concluded action_required'],
  ] as const)('refuses to deploy when the promotion check is %s', async (_what, state, said) => {
    const setup = await registered();
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, ...state });
    const result = await deploy(setup, setup.sha);
    expect([result.code, result.stderr]).toEqual([1, `trainyard: github:acme/models: "${CHECK}" on ${setup.sha} ${said}; refusing to deploy\n`]);
    expect(promotions()).toEqual([]);
  });

  it('deploys and records the promotion when the newest promotion check succeeded', async () => {
    const setup = await registered();
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'failure' });
    sim().clock.advance(60_000);
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'success' });
    const result = await deploy(setup, setup.sha);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^download churn v1 from github:acme\/models into .*\ndeployed churn v1 to production \(churn#production#1\)\n$/s);
    const history = await runCli(['registry', 'history', 'churn', '--registry', 'github:acme/models'], { cwd: setup.cwd, env: setup.env });
    expect(history.stdout).toMatch(/production\s+1\s+v1\s+approved\s+alice/);
  });

  it('refuses when a re-run of the promotion check failed after an earlier success', async () => {
    const setup = await registered();
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'success' });
    sim().clock.advance(60_000);
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'failure' });
    const result = await deploy(setup, setup.sha);
    expect([result.code, result.stderr]).toEqual([1, `trainyard: github:acme/models: "${CHECK}" on ${setup.sha} concluded failure; refusing to deploy\n`]);
  });

  it('reads only trainyard\'s own App: a successful check of the same name by another App is not a promotion', async () => {
    const setup = await registered();
    const other = sim().seed.app({ slug: 'impostor', privateKey: APP_KEY });
    const installation = sim().seed.installation({ appId: other.id, account: 'acme' });
    const impostor = new Octokit({ auth: sim().seed.installationToken({ installationId: installation.id }), baseUrl: sim().url });
    await impostor.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'success' });
    const result = await deploy(setup, setup.sha);
    expect([result.code, result.stderr]).toEqual([1, `trainyard: github:acme/models: commit ${setup.sha} has no "${CHECK}" check by App ${setup.appId}; refusing to deploy\n`]);
    expect(promotions()).toEqual([]);
  });

  it('takes the newest check by the id GitHub assigned, not by the started_at its creator set', async () => {
    const setup = await registered();
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'success', started_at: '2099-01-01T00:00:00Z' });
    sim().clock.advance(60_000);
    await setup.app.checks.create({ owner: 'acme', repo: 'models', name: CHECK, head_sha: setup.sha, status: 'completed', conclusion: 'failure' });
    const result = await deploy(setup, setup.sha);
    expect([result.code, result.stderr]).toEqual([1, `trainyard: github:acme/models: "${CHECK}" on ${setup.sha} concluded failure; refusing to deploy\n`]);
  });

  it('needs the App id to read the check (exit 2 without it)', async () => {
    const setup = await registered();
    const result = await runCli(['deploy', '-m', 'churn', '-e', 'production', '--registry', 'github:acme/models', '--require-check', setup.sha, '--out', 'deployed'], { cwd: setup.cwd, env: setup.env });
    expect([result.code, result.stderr]).toEqual([2, 'trainyard: --require-check needs the id of trainyard\'s GitHub App: --check-app-id <id> or TRAINYARD_APP_ID\n']);
  });

  it('refuses a commit GitHub does not have (a wrong --require-check: exit 2)', async () => {
    const setup = await registered();
    const result = await deploy(setup, 'f'.repeat(40));
    expect([result.code, result.stderr]).toEqual([2, `trainyard: github:acme/models: reading check runs of ${'f'.repeat(40)}: No commit found for SHA: ${'f'.repeat(40)} (HTTP 422)\n`]);
  });
});
