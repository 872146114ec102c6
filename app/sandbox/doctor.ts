/**
 * The sandbox's repository secured as docs/security.md ("What each promise depends on")
 * tells a team to secure it, and `trainyard doctor` run against it as a team runs it:
 * the CLI's own command, over HTTP to the simulator, with an installation token of
 * trainyard's App that carries only the permissions doctor needs.
 *
 * The simulator stores these settings and answers GitHub's endpoints for them (checked
 * against the OpenAPI description like every route); it does not enforce them: a push,
 * a tag or a job on a self-hosted runner is not refused because of them.
 */
import type { Simulator } from '../../sim/index.ts';
import { main as trainyardCli } from '../../src/cli/main.ts';
import type { DoctorReport } from '../../src/doctor/doctor.ts';

/**
 * What doctor reads with: repository metadata, administration (Actions settings, branch
 * protection) and actions (the environment's protection rules), and the organisation's
 * self-hosted runner groups, all read-only.
 */
export const DOCTOR_PERMISSIONS = {
  metadata: 'read',
  administration: 'read',
  actions: 'read',
  organization_self_hosted_runners: 'read',
} as const;

export interface SecureOptions {
  /** `owner/name`, owned by an organisation. */
  repo: string;
  /** trainyard's App: the tag ruleset's bypass and the environment's protection rule. */
  appId: number;
  environment: string;
}

/** The repository's `trainyard-*.yml` workflows on its default branch, as a runner group's "Selected workflows" name them. */
function trainyardWorkflows(sim: Simulator, repo: string): string[] {
  const state = sim.state.repo(repo);
  if (!state) throw new Error(`secureRepository: no repository ${repo}`);
  const ref = `refs/heads/${state.defaultBranch}`;
  const head = state.git.refs.get(ref);
  const dir = head ? state.git.entryAt(head, '.github/workflows') : undefined;
  const tree = dir?.type === 'tree' ? state.git.get(dir.sha, 'tree') : undefined;
  const files = (tree?.entries ?? []).map((e) => e.path).filter((name) => /^trainyard-[a-z0-9-]+\.ya?ml$/.test(name)).sort();
  if (files.length === 0) throw new Error(`secureRepository: ${repo} has no .github/workflows/trainyard-*.yml on ${state.defaultBranch}`);
  return files.map((name) => `${state.fullName}/.github/workflows/${name}@${ref}`);
}

/**
 * Every setting `trainyard doctor` checks, as the docs ask for it: approval of fork pull
 * request workflows for all outside collaborators, read-only default workflow
 * permissions, the default branch protected, an active tag ruleset restricting updates
 * and deletions of model tags (creation stays open to the release workflow), the
 * organisation's GPU runner group limited to the repository and its trainyard
 * workflows, and the environment guarded by the App's protection rule.
 */
export function secureRepository(sim: Simulator, options: SecureOptions): void {
  const { repo, appId } = options;
  const state = sim.state.repo(repo);
  if (!state) throw new Error(`secureRepository: no repository ${repo}`);
  sim.seed.repoSettings({ repo, forkApprovalPolicy: 'all_external_contributors', defaultWorkflowPermissions: 'read', protectedBranches: [state.defaultBranch] });
  sim.seed.ruleset({
    repo,
    name: 'model tags',
    target: 'tag',
    include: ['refs/tags/*@v*', 'refs/tags/*#*#*'],
    // Made tags stay put; creation stays open to the release workflow's GITHUB_TOKEN.
    rules: ['update', 'deletion'],
  });
  sim.seed.runnerGroup({ org: state.owner.login, name: 'gpu', repositories: [repo], restrictedToWorkflows: true, selectedWorkflows: trainyardWorkflows(sim, repo) });
  sim.seed.environment({ repo, name: options.environment, protectionApps: [appId] });
}

export interface DoctorRun {
  /** The command's exit code: 0 every promise holds, 1 one is not backed, 2 or 3 it could not run. */
  code: number;
  /** Its `--json` report; null when it printed none. */
  report: DoctorReport | null;
  stderr: string;
}

/**
 * `trainyard doctor --repo <repo> --json` through the CLI, with `GITHUB_API_URL` the
 * simulator, `GITHUB_TOKEN` a token of the App's installation on the repository's owner
 * narrowed to DOCTOR_PERMISSIONS and `TRAINYARD_APP_ID` the App.
 */
export async function runDoctorCommand(sim: Simulator, options: { repo: string; appId: number }): Promise<DoctorRun> {
  const owner = options.repo.split('/')[0]!.toLowerCase();
  const installation = [...sim.state.installations.values()].find((i) => i.appId === options.appId && i.account.login.toLowerCase() === owner);
  if (!installation) throw new Error(`runDoctorCommand: App ${options.appId} is not installed on ${owner}`);
  const token = sim.seed.installationToken({ installationId: installation.id, permissions: { ...DOCTOR_PERMISSIONS } });
  let stdout = '';
  let stderr = '';
  const code = await trainyardCli(['doctor', '--repo', options.repo, '--json'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, GITHUB_API_URL: sim.url, GITHUB_TOKEN: token, TRAINYARD_APP_ID: String(options.appId) },
    now: () => new Date(),
  });
  return { code, report: stdout.trim() === '' ? null : (JSON.parse(stdout) as DoctorReport), stderr };
}
