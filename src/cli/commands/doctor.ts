import type { Command } from 'commander';
import { doctorExitCode, runDoctor, type DoctorReport } from '../../doctor/doctor.ts';
import { UsageError } from '../../errors.ts';
import { checkEnvironmentName } from '../../registry/names.ts';
import type { CliIo } from '../io.ts';
import { githubClient } from '../registry-edge.ts';

interface DoctorOptions {
  repo?: string;
  environment: string;
  releaseBranch?: string;
  appId?: string;
  json?: boolean;
}

function repoFrom(value: string | undefined): { owner: string; repo: string } {
  if (value === undefined || value === '') throw new UsageError('expected --repo <owner>/<name> (or GITHUB_REPOSITORY)');
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value);
  if (!match || match[2] === '.' || match[2] === '..') throw new UsageError(`--repo "${value}" is not a GitHub repository; expected <owner>/<name>`);
  return { owner: match[1]!, repo: match[2]! };
}

function appIdFrom(value: string | undefined): number {
  if (value === undefined || value === '') throw new UsageError('doctor needs the id of trainyard\'s GitHub App: --app-id <id> or TRAINYARD_APP_ID');
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`--app-id: "${value}" is not a GitHub App id; expected a positive whole number`);
  return Number(value);
}

function branchFrom(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value === '' || /[\s~^:?*[\\]|\.\.|^\/|\/$|^refs\//.test(value)) throw new UsageError(`--release-branch "${value}" is not a branch name; expected a name such as main`);
  return value;
}

function renderText(report: DoctorReport): string {
  const lines = [`trainyard doctor: ${report.repository}`];
  for (const p of report.promises) {
    lines.push(`${p.holds ? 'holds' : 'NOT BACKED'}  ${p.name}: ${p.setting}`);
    if (p.fix) lines.push(`    fix: ${p.fix}`);
  }
  const missing = report.promises.filter((p) => !p.holds).length;
  lines.push(missing === 0 ? 'every promise holds' : `${missing} of ${report.promises.length} promises depend on a missing setting`);
  return `${lines.join('\n')}\n`;
}

export function registerDoctor(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('doctor')
    .description('Read a repository\'s settings through the GitHub API and say which of trainyard\'s promises hold and which depend on a missing setting, each with its fix; exit 1 when one is not backed.')
    .option('--repo <owner/name>', 'the repository (default: GITHUB_REPOSITORY)')
    .option('-e, --environment <name>', 'the environment deployments go to', 'production')
    .option('--release-branch <branch>', 'the branch releases are made from (default: the repository\'s default branch)')
    .option('--app-id <id>', 'the id of trainyard\'s GitHub App, whose custom protection rule must guard the environment (default: TRAINYARD_APP_ID)')
    .option('--json', 'print {"repository", "promises": [{"name", "holds", "setting", "fix"}]}')
    .action(async (options: DoctorOptions) => {
      const { owner, repo } = repoFrom(options.repo ?? io.env.GITHUB_REPOSITORY);
      const environment = checkEnvironmentName(options.environment);
      const releaseBranch = branchFrom(options.releaseBranch);
      const appId = appIdFrom(options.appId ?? io.env.TRAINYARD_APP_ID);
      const octokit = githubClient(io, 'doctor needs a token that can read the repository\'s settings (administration: read) and, for organisations, its runner groups');
      const report = await runDoctor({ octokit, owner, repo, environment, releaseBranch, appId });
      io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
      setExit(doctorExitCode(report));
    });
}
