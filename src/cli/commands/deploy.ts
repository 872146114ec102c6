import path from 'node:path';
import type { Command } from 'commander';
import { deployVersion, type DeployOutcome } from '../../deploy/deploy.ts';
import { withDeploymentStatus } from '../../deploy/deployment-status.ts';
import { requirePromotionCheck } from '../../deploy/promotion-check.ts';
import { UsageError } from '../../errors.ts';
import { checkModelName, parseVersionNumber } from '../../registry/names.ts';
import { deploymentTarget, type DeploymentStatusOptions } from '../deployment-edge.ts';
import type { CliIo } from '../io.ts';
import { openRegistry, runUrlFrom } from '../registry-edge.ts';
import { runId } from '../shared.ts';

interface DeployOptions extends DeploymentStatusOptions {
  model: string;
  version: string;
  environment: string;
  registry?: string;
  config?: string;
  out?: string;
  approver: string[];
  reason: string;
  gate: string;
  requireCheck?: string;
  checkAppId?: string;
  dryRun?: boolean;
}

function appIdFrom(value: string | undefined): number {
  if (value === undefined || value === '') throw new UsageError('--require-check needs the id of trainyard\'s GitHub App: --check-app-id <id> or TRAINYARD_APP_ID');
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`--check-app-id: "${value}" is not a GitHub App id; expected a positive whole number`);
  return Number(value);
}

export function registerDeploy(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('deploy')
    .description('Deploy a model version: download it, run models.<m>.deploy.command with MODEL_DIR and MODEL_VERSION, then record the promotion.')
    .requiredOption('-m, --model <name>', 'the model')
    .option('-v, --version <n|candidate>', 'a version number, or candidate for the newest version', 'candidate')
    .requiredOption('-e, --environment <name>', 'the environment deployed to')
    .option('-r, --registry <spec>', 'local:<dir> or github:<owner>/<repo> (default: the config\'s registry, else local:.trainyard/registry)')
    .option('-c, --config <file>', 'the trainyard config (default: .github/trainyard.yml when it exists)')
    .option('-o, --out <dir>', 'where the version is downloaded (default: <project>/.trainyard/deploy/<model>-<environment>-<time>)')
    .option('--approver <login>', 'who approved (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--reason <text>', 'why, for the promotion record', 'deployed')
    .option('--gate <summary>', 'the promotion gate\'s summary for the record', 'approved by the environment\'s protection rules')
    .option('--require-check <sha>', 'first verify that the check "trainyard / promotion" on this commit succeeded (github: registries)')
    .option('--check-app-id <id>', 'the id of trainyard\'s GitHub App, whose check alone counts for --require-check (default: TRAINYARD_APP_ID)')
    .option('--deployment-status <sha>', 'set the newest GitHub deployment of this commit to the environment in_progress, then success or failure (in GITHUB_REPOSITORY, else the github: registry\'s repository)')
    .option('--environment-url <url>', 'the deployed service\'s URL, set on the deployment status')
    .option('--log-url <url>', 'the deploy\'s log, set on the deployment status (default: this workflow run)')
    .option('--dry-run', 'say what would be done and change nothing')
    .action(async (options: DeployOptions) => {
      const name = checkModelName(options.model);
      const version = options.version === 'candidate' ? 'candidate' : parseVersionNumber(options.version);
      const opened = await openRegistry(io, options);
      const model = opened.loaded?.config.models[name];
      if (opened.loaded && !model) throw new UsageError(`unknown model "${name}"; the config has: ${Object.keys(opened.loaded.config.models).join(', ')}`);
      if (options.requireCheck && !opened.github) throw new UsageError('--require-check needs a github: registry');
      const checkAppId = options.requireCheck ? appIdFrom(options.checkAppId ?? io.env.TRAINYARD_APP_ID) : null;
      const target = deploymentTarget(io, options, options.environment, opened);
      const root = opened.loaded?.root ?? io.cwd;
      const modelDir = options.out ? path.resolve(io.cwd, options.out) : path.join(root, '.trainyard', 'deploy', `${name}-${options.environment}-${runId(io.now())}`);
      const deploy = async (): Promise<DeployOutcome> => {
        if (options.requireCheck && opened.github && checkAppId !== null) await requirePromotionCheck(opened.github, options.requireCheck, checkAppId);
        return deployVersion({
          registry: opened.registry,
          name,
          model: model ?? {},
          version,
          environment: options.environment,
          root,
          modelDir,
          dryRun: options.dryRun ?? false,
          approvers: options.approver,
          gate: { passed: true, summary: options.gate },
          reason: options.reason,
          runUrl: runUrlFrom(io.env),
          actor: io.env.GITHUB_ACTOR ?? null,
          env: io.env,
          echo: io.stderr,
        });
      };
      const described = {
        started: `trainyard deploy: deploying ${name}`,
        succeeded: (done: DeployOutcome) => `trainyard deploy: ${name} v${done.version.version} deployed`,
      };
      const note = (line: string) => io.stderr(`trainyard: ${line}\n`);
      const report = target && !options.dryRun ? await withDeploymentStatus(target, deploy, described, note) : { result: await deploy(), deploymentId: null };
      const { result: outcome } = report;
      const prefix = options.dryRun ? '[dry-run] would ' : '';
      for (const step of outcome.steps) io.stdout(`${prefix}${step}\n`);
      if (outcome.promotion) io.stdout(`deployed ${name} v${outcome.version.version} to ${options.environment} (${name}#${options.environment}#${outcome.promotion.sequence})\n`);
      if (target) {
        const where = `${target.sha} to ${options.environment} in ${target.context.owner}/${target.context.repo}`;
        if (options.dryRun) io.stdout(`${prefix}set the status of the newest deployment of ${where}\n`);
        else if (report.deploymentId === null) io.stdout(`no GitHub deployment of ${where}; no deployment status set\n`);
        else io.stdout(`deployment ${report.deploymentId} of ${where}: success\n`);
      }
      setExit(0);
    });
}
