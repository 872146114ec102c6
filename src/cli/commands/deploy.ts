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
  model?: string;
  version: string;
  environment: string;
  registry?: string;
  config?: string;
  out?: string;
  approver: string[];
  reason: string;
  gate?: string;
  requireCheck?: string;
  checkAppId?: string;
  dryRun?: boolean;
}

function appIdFrom(value: string | undefined): number {
  if (value === undefined || value === '') throw new UsageError('--require-check needs the id of trainyard\'s GitHub App: --check-app-id <id> or TRAINYARD_APP_ID');
  if (!/^[1-9]\d{0,15}$/.test(value)) throw new UsageError(`--check-app-id: "${value}" is not a GitHub App id; expected a positive whole number`);
  return Number(value);
}

/**
 * What the promotion record says let the deploy through when `--gate` is not given: in
 * a GitHub Actions job, the environment's protection rules (the job could not start
 * without them); on a machine of one's own, nothing did, and the record says so.
 */
function defaultGate(io: CliIo, environment: string): string {
  if (io.env.GITHUB_ACTIONS === 'true') return `approved by the protection rules of the environment "${environment}"`;
  return `deployed from ${io.env.USER ? `${io.env.USER}'s machine` : 'a local machine'}; no protection rules apply outside GitHub Actions`;
}

export function registerDeploy(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('deploy')
    .description('Deploy a model version: download it, run models.<m>.deploy.command with MODEL_DIR and MODEL_VERSION, then record the promotion.')
    .option('-m, --model <name>', 'the model (default: the config\'s only model)')
    .option('-v, --version <n|candidate>', 'a version number, or candidate for the newest version', 'candidate')
    .requiredOption('-e, --environment <name>', 'the environment deployed to')
    .option('-r, --registry <spec>', 'local:<dir> or github:<owner>/<repo> (default: the config\'s registry, else local:.trainyard/registry)')
    .option('-c, --config <file>', 'the trainyard config (default: .github/trainyard.yml when it exists)')
    .option('-o, --out <dir>', 'where the version is downloaded (default: <project>/.trainyard/deploy/<model>-<environment>-<time>)')
    .option('--approver <login>', 'who approved (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--reason <text>', 'why, for the promotion record', 'deployed')
    .option('--gate <summary>', 'the promotion gate\'s summary for the record (default: in GitHub Actions, the environment\'s protection rules; elsewhere, a local deploy without protection rules)')
    .option('--require-check <sha>', 'first verify that the check "trainyard / promotion" on this commit succeeded (github: registries)')
    .option('--check-app-id <id>', 'the id of trainyard\'s GitHub App, whose check alone counts for --require-check (default: TRAINYARD_APP_ID)')
    .option('--deployment-status <sha>', 'set the newest GitHub deployment of this commit to the environment in_progress, then success or failure (in GITHUB_REPOSITORY, else the github: registry\'s repository)')
    .option('--environment-url <url>', 'the deployed service\'s URL, set on the deployment status')
    .option('--log-url <url>', 'the deploy\'s log, set on the deployment status (default: this workflow run)')
    .option('--dry-run', 'say what would be done and change nothing')
    .action(async (options: DeployOptions) => {
      const version = options.version === 'candidate' ? 'candidate' : parseVersionNumber(options.version);
      const opened = await openRegistry(io, options);
      const configured = Object.keys(opened.loaded?.config.models ?? {});
      if (!options.model && configured.length !== 1) {
        throw new UsageError(configured.length === 0 ? 'expected --model <name> (there is no trainyard config to take it from)' : `the config has several models (${configured.join(', ')}); choose one with --model`);
      }
      const name = checkModelName(options.model ?? configured[0]!);
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
          gate: { passed: true, summary: options.gate ?? (options.requireCheck ? `the check "trainyard / promotion" succeeded on ${options.requireCheck}` : defaultGate(io, options.environment)) },
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
