/**
 * The sandbox's repository, secured as the docs ask, under `trainyard doctor` as the
 * lifecycle runs it (the CLI over HTTP, a read-only token of the App's installation):
 * every promise backed; without any one of its settings, exactly that promise is not
 * backed, with its fix, and doctor exits 1. The lifecycle itself (test/app/sandbox.test.ts)
 * holds its report to every promise backed.
 */
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCTOR_PERMISSIONS, runDoctorCommand } from '../../app/sandbox/doctor.ts';
import { prepareExample, type Example } from '../../app/sandbox/example.ts';
import { OWNER, REPO, seedRepository } from '../../app/sandbox/lifecycle.ts';
import { PROMISE_NAMES } from '../../src/doctor/doctor.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();
let example: Example;

beforeEach(async () => {
  example = await prepareExample();
});

afterEach(async () => {
  await rm(example.dir, { recursive: true, force: true });
});

/** The sandbox's organisation, trainyard's App installed on it, and the repository as the story starts. */
async function sandboxRepository(): Promise<number> {
  sim().seed.user({ login: OWNER, type: 'Organization' });
  const app = sim().seed.app({ slug: 'trainyard' });
  sim().seed.installation({ appId: app.id, account: OWNER });
  await seedRepository(sim(), example, app.id);
  return app.id;
}

const repo = () => sim().state.repo(REPO)!;

describe('the sandbox under trainyard doctor', () => {
  it('backs every promise, with the runner group limited to the callers trainyard init wrote', async () => {
    const appId = await sandboxRepository();
    const { code, report, stderr } = await runDoctorCommand(sim(), { repo: REPO, appId });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report!.repository).toBe(REPO);
    expect(report!.promises.map((p) => [p.name, p.holds, p.fix])).toEqual(Object.values(PROMISE_NAMES).map((name) => [name, true, null]));
    const runners = report!.promises.find((p) => p.name === PROMISE_NAMES.runnerGroups)!.setting;
    expect(runners).toBe(`runner groups visible to flights: "gpu" (restricted to ${['drift', 'monitor', 'pr', 'release', 'retrain'].map((w) => `acme/flights/.github/workflows/trainyard-${w}.yml@refs/heads/main`).join(', ')})`);
    // The token doctor ran with was read-only.
    const tokens = [...sim().state.installationTokens.values()];
    expect(tokens.at(-1)!.permissions).toEqual(DOCTOR_PERMISSIONS);
  });

  const removals: Array<[string, RegExp, () => void]> = [
    [PROMISE_NAMES.forkApproval, /choose "Require approval for all external contributors"/, () => sim().seed.repoSettings({ repo: REPO, forkApprovalPolicy: 'first_time_contributors' })],
    [PROMISE_NAMES.runnerGroups, /limit each group visible to flights to trainyard's workflows/, () => {
      sim().state.runnerGroupsOf(OWNER)[0]!.restrictedToWorkflows = false;
    }],
    [PROMISE_NAMES.modelTags, /add an active tag ruleset targeting refs\/tags\/\*@v\* and refs\/tags\/\*#\*#\* that restricts updates and deletions/, () => {
      repo().settings.rulesets = [];
    }],
    [PROMISE_NAMES.environment, /enable trainyard's App \(id \d+\) under "Deployment protection rules"/, () => sim().seed.environment({ repo: REPO, name: 'production', protectionApps: [] })],
    [PROMISE_NAMES.tokenPermissions, /choose "Read repository contents and packages permissions"/, () => sim().seed.repoSettings({ repo: REPO, defaultWorkflowPermissions: 'write' })],
    [PROMISE_NAMES.releaseBranch, /add an active branch ruleset targeting main/, () => sim().seed.repoSettings({ repo: REPO, protectedBranches: [] })],
  ];

  it.each(removals)('without the setting behind "%s", that promise alone is not backed, with its fix, exit 1', async (name, fix, remove) => {
    const appId = await sandboxRepository();
    remove();
    const { code, report } = await runDoctorCommand(sim(), { repo: REPO, appId });
    expect(code).toBe(1);
    expect(report!.promises.filter((p) => !p.holds).map((p) => p.name)).toEqual([name]);
    expect(report!.promises.find((p) => p.name === name)!.fix).toMatch(fix);
  });
});
