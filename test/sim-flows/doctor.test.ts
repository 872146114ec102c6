/**
 * `trainyard doctor` against the simulator: a repository with every setting trainyard's
 * promises rest on reports them all holding (exit 0); without any one of them, exactly
 * that promise is reported as not backed, with its fix (exit 1).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROMISE_NAMES, refPatternMatches } from '../../src/doctor/doctor.ts';
import { readFile } from 'node:fs/promises';
import { runCli } from '../helpers/cli.ts';
import { applySeedFile, type SeedFile } from '../../sim/seed-file.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();

interface Report {
  repository: string;
  promises: Array<{ name: string; holds: boolean; setting: string; fix: string | null }>;
}

interface Setup {
  env: Record<string, string | undefined>;
  appId: number;
  otherAppId: number;
}

/** acme (an organisation) /models with every setting in place, and trainyard's App installed on acme. */
function secured(): Setup {
  sim().seed.user({ login: 'acme', type: 'Organization' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' } });
  const app = sim().seed.app({ slug: 'trainyard' });
  const other = sim().seed.app({ slug: 'other-gate' });
  const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
  sim().seed.repoSettings({ repo: 'acme/models', forkApprovalPolicy: 'all_external_contributors', defaultWorkflowPermissions: 'read', protectedBranches: ['main'] });
  sim().seed.ruleset({ repo: 'acme/models', name: 'model tags', target: 'tag', include: ['refs/tags/*@v*', 'refs/tags/*#*#*'], rules: ['update', 'deletion'] });
  sim().seed.environment({ repo: 'acme/models', name: 'production', protectionApps: [app.id] });
  sim().seed.runnerGroup({ org: 'acme', name: 'gpu', repositories: ['acme/models'], restrictedToWorkflows: true, selectedWorkflows: ['acme/models/.github/workflows/trainyard-pr.yml@refs/heads/main', 'trainyard/trainyard/.github/workflows/trainyard-release.yml@v1'] });
  // Not visible to acme/models: its openness is no concern of this repository.
  sim().seed.repo({ fullName: 'acme/website' });
  sim().seed.runnerGroup({ org: 'acme', name: 'web', repositories: ['acme/website'] });
  const token = sim().seed.installationToken({ installationId: installation.id });
  return { env: { PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sim().url, TRAINYARD_APP_ID: String(app.id) }, appId: app.id, otherAppId: other.id };
}

async function doctor(env: Record<string, string | undefined>, ...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const result = await runCli(['doctor', '--repo', 'acme/models', '--json', ...extra], { env });
  return { code: result.code, report: result.stdout ? (JSON.parse(result.stdout) as Report) : { repository: '', promises: [] }, stderr: result.stderr };
}

function failing(report: Report): string[] {
  return report.promises.filter((p) => !p.holds).map((p) => p.name);
}

const repoOf = () => sim().state.repo('acme/models')!;

describe('trainyard doctor', () => {
  it('reports every promise holding on a repository with every setting, in text and JSON', async () => {
    const { env, appId } = secured();
    const { code, report, stderr } = await doctor(env);
    expect(code, stderr).toBe(0);
    expect(report.repository).toBe('acme/models');
    expect(report.promises.map((p) => p.name)).toEqual(Object.values(PROMISE_NAMES));
    for (const p of report.promises) {
      expect(Object.keys(p).sort()).toEqual(['fix', 'holds', 'name', 'setting']);
      expect(p.holds, `${p.name}: ${p.setting}`).toBe(true);
      expect(p.fix).toBeNull();
    }
    const byName = Object.fromEntries(report.promises.map((p) => [p.name, p.setting]));
    expect(byName[PROMISE_NAMES.forkApproval]).toBe('approval_policy: all_external_contributors');
    expect(byName[PROMISE_NAMES.environment]).toBe(`"production" has the custom protection rule of App trainyard (${appId})`);
    expect(byName[PROMISE_NAMES.releaseBranch]).toBe('main: branch protection');
    expect(byName[PROMISE_NAMES.runnerGroups]).toContain('"gpu" (restricted to acme/models/.github/workflows/trainyard-pr.yml@refs/heads/main');
    expect(byName[PROMISE_NAMES.runnerGroups]).not.toContain('web');
    const text = await runCli(['doctor', '--repo', 'acme/models'], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('trainyard doctor: acme/models\n');
    expect(text.stdout).toContain(`holds  ${PROMISE_NAMES.tokenPermissions}: default_workflow_permissions: read`);
    expect(text.stdout.trim().split('\n').at(-1)).toBe('every promise holds');
  });

  const missing: Array<[string, string, RegExp, (setup: Setup) => void]> = [
    [PROMISE_NAMES.forkApproval, 'approval_policy: first_time_contributors', /Require approval for all external contributors/, () => {
      sim().seed.repoSettings({ repo: 'acme/models', forkApprovalPolicy: 'first_time_contributors' });
    }],
    [PROMISE_NAMES.runnerGroups, 'runner groups not limited to trainyard\'s workflows: "everyone" (any workflow)', /runner-groups, limit each group visible to models to trainyard's workflows/, () => {
      sim().seed.runnerGroup({ org: 'acme', name: 'everyone' });
    }],
    [PROMISE_NAMES.modelTags, 'no active tag ruleset restricts updates and deletions of every <model>@v<N> and <model>#<environment>#<N> tag', /add an active tag ruleset targeting refs\/tags\/\*@v\* and refs\/tags\/\*#\*#\* that restricts updates and deletions/, () => {
      repoOf().settings.rulesets[0]!.enforcement = 'evaluate';
    }],
    [PROMISE_NAMES.environment, '', /enable trainyard's App \(id \d+\) under "Deployment protection rules"/, ({ otherAppId }) => {
      sim().seed.environment({ repo: 'acme/models', name: 'production', protectionApps: [otherAppId] });
    }],
    [PROMISE_NAMES.tokenPermissions, 'default_workflow_permissions: write', /Read repository contents and packages permissions/, () => {
      sim().seed.repoSettings({ repo: 'acme/models', defaultWorkflowPermissions: 'write' });
    }],
    [PROMISE_NAMES.releaseBranch, 'main: no branch protection and no active branch ruleset', /add an active branch ruleset targeting main/, () => {
      sim().seed.repoSettings({ repo: 'acme/models', protectedBranches: [] });
    }],
  ];

  it.each(missing)('without the setting behind "%s", exactly that promise fails, with its fix', async (name, setting, fix, remove) => {
    const setup = secured();
    remove(setup);
    const { code, report, stderr } = await doctor(setup.env);
    expect(code, stderr).toBe(1);
    expect(failing(report)).toEqual([name]);
    const promise = report.promises.find((p) => p.name === name)!;
    if (setting) expect(promise.setting).toBe(setting);
    expect(promise.fix).toMatch(fix);
    const text = await runCli(['doctor', '--repo', 'acme/models'], { env: setup.env });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`NOT BACKED  ${name}: ${promise.setting}\n    fix: ${promise.fix}`);
    expect(text.stdout).toContain('1 of 6 promises depend on a missing setting');
  });

  it('names the environment that does not exist, and another App\'s rule does not count', async () => {
    const setup = secured();
    sim().seed.environment({ repo: 'acme/models', name: 'production', protectionApps: [setup.otherAppId] });
    const other = (await doctor(setup.env)).report.promises.find((p) => p.name === PROMISE_NAMES.environment)!;
    expect(other.setting).toBe(`"production" has no custom protection rule of App ${setup.appId}; other Apps: other-gate (${setup.otherAppId})`);
    const { code, report } = await doctor(setup.env, '--environment', 'staging');
    expect(code).toBe(1);
    expect(report.promises.find((p) => p.name === PROMISE_NAMES.environment)!.setting).toBe('no environment "staging"');
  });

  it('an active branch ruleset on the release branch stands in for branch protection; a disabled one or another branch does not', async () => {
    const setup = secured();
    sim().seed.repoSettings({ repo: 'acme/models', protectedBranches: [] });
    const disabled = sim().seed.ruleset({ repo: 'acme/models', name: 'release', target: 'branch', include: ['~DEFAULT_BRANCH'], enforcement: 'disabled', rules: ['deletion', 'non_fast_forward'] });
    expect(failing((await doctor(setup.env)).report)).toEqual([PROMISE_NAMES.releaseBranch]);
    disabled.enforcement = 'active';
    const held = await doctor(setup.env);
    expect(held.code).toBe(0);
    expect(held.report.promises.find((p) => p.name === PROMISE_NAMES.releaseBranch)!.setting).toBe('main: active branch ruleset "release"');
    const other = await doctor(setup.env, '--release-branch', 'release');
    expect(other.report.promises.find((p) => p.name === PROMISE_NAMES.releaseBranch)!.setting).toBe('no branch release');
  });

  it('a tag ruleset that covers only some model tags, or leaves deletions open, does not keep them in place', async () => {
    const setup = secured();
    repoOf().settings.rulesets = [];
    sim().seed.ruleset({ repo: 'acme/models', name: 'churn only', target: 'tag', include: ['refs/tags/churn@v*'], rules: ['update', 'deletion'] });
    sim().seed.ruleset({ repo: 'acme/models', name: 'no moves', target: 'tag', include: ['~ALL'], rules: ['update'] });
    const { code, report } = await doctor(setup.env);
    expect(code).toBe(1);
    expect(report.promises.find((p) => p.name === PROMISE_NAMES.modelTags)!.setting).toBe('no active tag ruleset restricts deletions of every <model>@v<N> and <model>#<environment>#<N> tag; active tag rulesets: "churn only" (update, deletion of refs/tags/churn@v*), "no moves" (update of ~ALL)');
  });

  it('holds with updates and deletions restricted, and says when a ruleset also restricts the creation the release workflow needs', async () => {
    const setup = secured();
    repoOf().settings.rulesets = [];
    sim().seed.ruleset({ repo: 'acme/models', name: 'no moves', target: 'tag', include: ['~ALL'], rules: ['update'] });
    sim().seed.ruleset({ repo: 'acme/models', name: 'model tags', target: 'tag', include: ['refs/tags/*@v*', 'refs/tags/*#*#*'], rules: ['creation', 'deletion'] });
    const { code, report } = await doctor(setup.env);
    expect(code).toBe(0);
    expect(report.promises.find((p) => p.name === PROMISE_NAMES.modelTags)).toMatchObject({
      holds: true,
      setting: 'updates restricted by "no moves", deletions by "model tags"; "model tags" also restricts creation, which refuses the release workflow\'s tags (made with GITHUB_TOKEN) unless its actor may bypass',
    });
  });

  it('a runner group restricted to a workflow that is not trainyard\'s is not enough', async () => {
    const setup = secured();
    sim().seed.runnerGroup({ org: 'acme', name: 'ci', repositories: ['acme/models'], restrictedToWorkflows: true, selectedWorkflows: ['acme/models/.github/workflows/ci.yml@refs/heads/main'] });
    const { report } = await doctor(setup.env);
    expect(failing(report)).toEqual([PROMISE_NAMES.runnerGroups]);
    expect(report.promises.find((p) => p.name === PROMISE_NAMES.runnerGroups)!.setting).toContain('"ci" (restricted to acme/models/.github/workflows/ci.yml@refs/heads/main)');
  });

  it('a private repository is read through its fork pull request workflow settings', async () => {
    const setup = secured();
    repoOf().private = true;
    sim().seed.repoSettings({ repo: 'acme/models', privateForks: { runWorkflowsFromForkPullRequests: true, requireApprovalForForkPrWorkflows: false } });
    const { report } = await doctor(setup.env);
    expect(failing(report)).toEqual([PROMISE_NAMES.forkApproval]);
    expect(report.promises[0]!.setting).toBe('private repository: fork pull request workflows run, approval not required');
    sim().seed.repoSettings({ repo: 'acme/models', privateForks: { requireApprovalForForkPrWorkflows: true } });
    expect((await doctor(setup.env)).code).toBe(0);
  });

  it('a setting the token cannot read is not shown to hold: a user\'s token cannot list the organisation\'s runner groups', async () => {
    const setup = secured();
    sim().seed.user({ login: 'alice' });
    repoOf().roles.set('alice', 'admin');
    const { code, report } = await doctor({ ...setup.env, GITHUB_TOKEN: 'ghp_alice' });
    expect(code).toBe(1);
    expect(failing(report)).toEqual([PROMISE_NAMES.runnerGroups]);
    expect(report.promises[1]!.setting).toMatch(/^cannot be read with this token \(HTTP 403/);
  });

  it('a user-owned repository has no organisation runner groups', async () => {
    const app = sim().seed.app({ slug: 'trainyard' });
    const { token } = sim().seed.user({ login: 'bob' });
    sim().seed.repo({ fullName: 'bob/models', files: { 'a.txt': 'a' } });
    sim().seed.environment({ repo: 'bob/models', name: 'production', protectionApps: [app.id] });
    const result = await runCli(['doctor', '--repo', 'bob/models', '--app-id', String(app.id), '--json'], { env: { PATH: process.env.PATH, GITHUB_TOKEN: token, GITHUB_API_URL: sim().url } });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.promises[1]).toEqual({ name: PROMISE_NAMES.runnerGroups, holds: true, setting: 'user-owned repository: no organisation runner groups', fix: null });
    expect(failing(report)).toEqual([PROMISE_NAMES.forkApproval, PROMISE_NAMES.modelTags, PROMISE_NAMES.releaseBranch]);
  });

  it('bad input is one line and exit 2; a GitHub that fails is exit 3', async () => {
    const { env } = secured();
    for (const [argv, message] of [
      [['doctor', '--repo', 'acme'], /^trainyard: --repo "acme" is not a GitHub repository; expected <owner>\/<name>$/],
      [['doctor', '--repo', 'acme/models', '--app-id', 'x'], /^trainyard: --app-id: "x" is not a GitHub App id/],
      [['doctor', '--repo', 'acme/models', '--release-branch', 'a..b'], /^trainyard: --release-branch "a\.\.b" is not a branch name/],
      [['doctor', '--repo', 'acme/nothing'], /^trainyard: github:acme\/nothing: reading the repository: Not Found \(HTTP 404\)$/],
    ] as const) {
      const result = await runCli([...argv], { env });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const unset = await runCli(['doctor', '--repo', 'acme/models'], { env: { ...env, TRAINYARD_APP_ID: undefined } });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toBe('trainyard: doctor needs the id of trainyard\'s GitHub App: --app-id <id> or TRAINYARD_APP_ID\n');
    sim().faults.add({ operationId: 'repos/get-repo-rulesets', rate: 1, fault: { kind: 'status', status: 503 } });
    const failed = await runCli(['doctor', '--repo', 'acme/models'], { env });
    expect(failed.code).toBe(3);
    expect(failed.stderr.trim()).toMatch(/^trainyard: github:acme\/models: listing the repository's rulesets: .*\(HTTP 503\)$/);
  });

  it('the committed bundle (dist/trainyard.js) reports the same, exit 0 then 1', async () => {
    const setup = secured();
    const run = promisify(execFile);
    const env = { ...setup.env, PATH: process.env.PATH } as NodeJS.ProcessEnv;
    const held = await run(process.execPath, ['dist/trainyard.js', 'doctor', '--repo', 'acme/models', '--json'], { env });
    expect((JSON.parse(held.stdout) as Report).promises.every((p) => p.holds)).toBe(true);
    sim().seed.repoSettings({ repo: 'acme/models', defaultWorkflowPermissions: 'write' });
    const failed = await run(process.execPath, ['dist/trainyard.js', 'doctor', '--repo', 'acme/models', '--json'], { env }).catch((error: unknown) => error as { code: number; stdout: string });
    expect(failed).toMatchObject({ code: 1 });
    expect(failing(JSON.parse((failed as { stdout: string }).stdout) as Report)).toEqual([PROMISE_NAMES.tokenPermissions]);
  }, 60_000);

  it('a simulator seeded from a JSON file (test/sim/cli.ts --seed) with every setting passes', async () => {
    const file = JSON.parse(await readFile('test/fixtures/doctor/secured-seed.json', 'utf8')) as SeedFile;
    const summary = applySeedFile(sim(), file);
    const app = summary.apps[0]!;
    const env = { PATH: process.env.PATH, GITHUB_API_URL: sim().url, GITHUB_TOKEN: app.installations[0]!.token };
    const result = await runCli(['doctor', '--repo', 'acme/models', '--app-id', String(app.id)], { env });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(sim().state.repo('acme/models')!.settings.rulesets[0]!.bypassActors).toEqual([{ actorId: app.id, actorType: 'Integration', bypassMode: 'always' }]);
  });

  it('matches ruleset patterns as GitHub does: * stops at /, ** does not', () => {
    expect(refPatternMatches('refs/tags/*@v*', 'refs/tags/churn@v3')).toBe(true);
    expect(refPatternMatches('refs/tags/*@v*', 'refs/tags/team/churn@v3')).toBe(false);
    expect(refPatternMatches('refs/tags/**', 'refs/tags/team/churn@v3')).toBe(true);
    expect(refPatternMatches('refs/tags/churn@v?', 'refs/tags/churn@v3')).toBe(true);
    expect(refPatternMatches('refs/tags/churn.v*', 'refs/tags/churnxv3')).toBe(false);
  });
});
