/**
 * `trainyard deploy --deployment-status <sha>` against GitHub (the simulator, over
 * HTTP), as actions/deploy runs it: the newest deployment of the commit to the
 * environment goes in_progress, then success or failure, with the environment URL and
 * the run's log; a commit without a deployment gets a note and the deploy goes on.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { statusDescription } from '../../src/deploy/deployment-status.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDir, writeOutputs } from '../registry/fixtures.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();
const RUN_URL = 'https://github.com/acme/models/actions/runs/77';

interface Setup {
  cwd: string;
  sha: string;
  env: Record<string, string | undefined>;
  octokit: Octokit;
}

/** acme/models with churn v1 registered from its head commit, as a workflow run of acme/models sees it. */
async function registered(): Promise<Setup> {
  const { token } = sim().seed.user({ login: 'alice' });
  const repo = sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' }, collaborators: { alice: 'write' }, immutableReleases: true });
  const cwd = await tempDir('trainyard-deploy-');
  await writeOutputs(path.join(cwd, 'out'), 1);
  const lineage = path.join(cwd, 'out', 'lineage.json');
  await writeFile(lineage, (await readFile(lineage, 'utf8')).replace('a'.repeat(40), repo.headSha!));
  const env = {
    PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sim().url, GITHUB_ACTOR: 'alice',
    GITHUB_REPOSITORY: 'acme/models', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77',
  };
  const registering = await runCli(['registry', 'register', 'churn', '--from', 'out', '--registry', 'github:acme/models'], { cwd, env });
  expect(registering.code, registering.stderr).toBe(0);
  return { cwd, sha: repo.headSha!, env, octokit: new Octokit({ auth: token, baseUrl: sim().url }) };
}

/** What GitHub Actions does for a job bound to an environment: a deployment of the commit. */
async function deployment(setup: Setup, environment: string): Promise<number> {
  const { data } = await setup.octokit.repos.createDeployment({ owner: 'acme', repo: 'models', ref: setup.sha, environment, auto_merge: false, required_contexts: [] });
  sim().clock.advance(1_000);
  return (data as { id: number }).id;
}

function statuses(id: number): { state: string; environmentUrl: string; logUrl: string; description: string }[] {
  const found = sim().state.repo('acme/models')!.deployments.find((candidate) => candidate.id === id)!;
  return found.statuses.map(({ state, environmentUrl, logUrl, description }) => ({ state, environmentUrl, logUrl, description }));
}

const deploy = (setup: Setup, ...extra: string[]) =>
  runCli(['deploy', '-m', 'churn', '-e', 'production', '--registry', 'github:acme/models', '--out', 'deployed', '--deployment-status', setup.sha, ...extra], { cwd: setup.cwd, env: setup.env });

describe('trainyard deploy --deployment-status against GitHub (the simulator)', () => {
  it('sets the newest deployment of the commit to the environment in_progress, then success, with its URLs', async () => {
    const setup = await registered();
    const older = await deployment(setup, 'production');
    const staging = await deployment(setup, 'staging');
    const newest = await deployment(setup, 'production');
    const result = await deploy(setup, '--environment-url', 'https://churn.example.com');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`\\ndeployed churn v1 to production \\(churn#production#1\\)\\ndeployment ${newest} of ${setup.sha} to production in acme/models: success\\n$`));
    expect(statuses(newest)).toEqual([
      { state: 'in_progress', environmentUrl: 'https://churn.example.com', logUrl: RUN_URL, description: 'trainyard deploy: deploying churn' },
      { state: 'success', environmentUrl: 'https://churn.example.com', logUrl: RUN_URL, description: 'trainyard deploy: churn v1 deployed' },
    ]);
    expect([statuses(older), statuses(staging)]).toEqual([[], []]);
  });

  it('sets failure, with the reason, when the deploy is refused, and exits as the deploy did', async () => {
    const setup = await registered();
    const id = await deployment(setup, 'production');
    const result = await deploy(setup, '--require-check', setup.sha, '--check-app-id', '4242', '--log-url', 'https://ci.example.com/build/5');
    const refusal = `github:acme/models: commit ${setup.sha} has no "trainyard / promotion" check by App 4242; refusing to deploy`;
    expect([result.code, result.stdout, result.stderr]).toEqual([1, '', `trainyard: ${refusal}\n`]);
    expect(statuses(id)).toEqual([
      { state: 'in_progress', environmentUrl: '', logUrl: 'https://ci.example.com/build/5', description: 'trainyard deploy: deploying churn' },
      { state: 'failure', environmentUrl: '', logUrl: 'https://ci.example.com/build/5', description: refusal },
    ]);
    const history = await runCli(['registry', 'history', 'churn', '--registry', 'github:acme/models'], { cwd: setup.cwd, env: setup.env });
    expect(history.stdout).not.toMatch(/production/);
  });

  it('stops before anything changes when the token cannot write deployments (exit 2)', async () => {
    const setup = await registered();
    const id = await deployment(setup, 'production');
    const { token } = sim().seed.user({ login: 'bob' });
    sim().state.repo('acme/models')!.roles.set('bob', 'read');
    const result = await runCli(['deploy', '-m', 'churn', '-e', 'production', '--registry', 'github:acme/models', '--out', 'deployed', '--deployment-status', setup.sha], { cwd: setup.cwd, env: { ...setup.env, GITHUB_TOKEN: token } });
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(new RegExp(`^trainyard: github:acme/models: setting deployment ${id} to in_progress: .* \\(HTTP 40[34]\\)\n$`));
    expect(statuses(id)).toEqual([]);
    const history = await runCli(['registry', 'history', 'churn', '--registry', 'github:acme/models'], { cwd: setup.cwd, env: setup.env });
    expect(history.stdout).not.toMatch(/production/);
  });

  it('notes a commit without a deployment to the environment and deploys all the same', async () => {
    const setup = await registered();
    const staging = await deployment(setup, 'staging');
    const result = await deploy(setup);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(new RegExp(`\\ndeployed churn v1 to production \\(churn#production#1\\)\\nno GitHub deployment of ${setup.sha} to production in acme/models; no deployment status set\\n$`));
    expect(statuses(staging)).toEqual([]);
  });

  it('with --dry-run says it would set the status and sets none', async () => {
    const setup = await registered();
    const id = await deployment(setup, 'production');
    const result = await deploy(setup, '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`\\n\\[dry-run\\] would set the status of the newest deployment of ${setup.sha} to production in acme/models\\n$`));
    expect(statuses(id)).toEqual([]);
  });

  it('reports on the deployment in GITHUB_REPOSITORY when the registry lives elsewhere', async () => {
    const setup = await registered();
    const service = sim().seed.repo({ fullName: 'acme/service', files: { 'README.md': '# service\n' }, collaborators: { alice: 'write' } });
    const { data } = await setup.octokit.repos.createDeployment({ owner: 'acme', repo: 'service', ref: service.headSha!, environment: 'production', auto_merge: false, required_contexts: [] });
    const env = { ...setup.env, GITHUB_REPOSITORY: 'acme/service' };
    const result = await runCli(['deploy', '-m', 'churn', '-e', 'production', '--registry', 'github:acme/models', '--out', 'deployed', '--deployment-status', service.headSha!], { cwd: setup.cwd, env });
    expect(result.code, result.stderr).toBe(0);
    const id = (data as { id: number }).id;
    expect(sim().state.repo('acme/service')!.deployments.find((candidate) => candidate.id === id)!.statuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
  });
});

describe('trainyard deploy --deployment-status: wrong input', () => {
  it.each([
    [['--deployment-status', 'abc1234'], {}, '--deployment-status "abc1234" is not a commit SHA; expected 40 hex digits (GITHUB_SHA)'],
    [['--environment-url', 'https://churn.example.com'], {}, '--environment-url is set on the deployment status; it needs --deployment-status <sha>'],
    [['--deployment-status', 'a'.repeat(40), '--environment-url', 'churn.example.com'], {}, '--environment-url "churn.example.com" is not a URL; expected http(s)://…'],
    [['--deployment-status', 'a'.repeat(40)], {}, '--deployment-status needs the repository of the deployment: set GITHUB_REPOSITORY=<owner>/<repo> or use a github: registry'],
    [['--deployment-status', 'a'.repeat(40)], { GITHUB_REPOSITORY: 'acme' }, 'GITHUB_REPOSITORY "acme" is not <owner>/<repo>'],
    [['--deployment-status', 'a'.repeat(40)], { GITHUB_REPOSITORY: 'acme/models' }, 'GITHUB_TOKEN is not set; --deployment-status needs a token with deployments: write'],
  ])('%j %j: one line, exit 2, nothing deployed', async (extra, env, message) => {
    const cwd = await tempDir('trainyard-deploy-');
    const result = await runCli(['deploy', '-m', 'churn', '-e', 'production', '--registry', 'local:registry', ...extra], { cwd, env: { PATH: process.env.PATH, ...env } });
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', `trainyard: ${message}\n`]);
  });
});

describe('statusDescription', () => {
  it.each([
    ['refusing to deploy', 'refusing to deploy'],
    ['x'.repeat(140), 'x'.repeat(140)],
    ['x'.repeat(141), `${'x'.repeat(139)}…`],
  ])('keeps GitHub\'s 140 characters of %j', (text, kept) => {
    expect(statusDescription(text)).toBe(kept);
  });
});
