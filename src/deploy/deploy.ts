/**
 * `trainyard deploy`: ship one version to an environment. The version is downloaded
 * (digests verified), the model's deploy command runs with MODEL_DIR and
 * MODEL_VERSION, and only when it succeeds is the promotion recorded: the record says
 * what an environment runs, so a failed deploy leaves the champion as it was.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config/schema.ts';
import { CommandError } from '../errors.ts';
import { checkEnvironmentName, checkModelName } from '../registry/names.ts';
import { RegistryError } from '../registry/errors.ts';
import type { GateResult, ModelRegistry, ModelVersion, Promotion } from '../registry/types.ts';
import { runCommand } from '../util/run-command.ts';

export interface DeployRequest {
  registry: ModelRegistry;
  name: string;
  model: Pick<ModelConfig, 'deploy'>;
  /** A version number, or the newest registered version. */
  version: number | 'candidate';
  environment: string;
  root: string;
  /** Where the version is downloaded (a new folder). */
  modelDir: string;
  dryRun: boolean;
  approvers: string[];
  gate: GateResult;
  reason: string;
  runUrl: string | null;
  actor: string | null;
  env: Record<string, string | undefined>;
  echo: (chunk: string) => void;
}

export interface DeployOutcome {
  version: ModelVersion;
  /** What was done, or with --dry-run what would be done. */
  steps: string[];
  promotion: Promotion | null;
}

async function pickVersion(request: DeployRequest): Promise<ModelVersion> {
  if (request.version !== 'candidate') return request.registry.version(request.name, { version: request.version });
  const newest = (await request.registry.versions(request.name)).at(-1);
  if (!newest) throw new RegistryError(request.registry.location, `${request.name} has no registered version to deploy`);
  return newest;
}

export async function deployVersion(request: DeployRequest): Promise<DeployOutcome> {
  checkModelName(request.name);
  checkEnvironmentName(request.environment);
  const version = await pickVersion(request);
  const command = request.model.deploy?.command ?? null;
  const label = `${request.name} v${version.version}`;
  const steps = [
    `download ${label} from ${request.registry.location} into ${request.modelDir}`,
    command ? `run "${command}" with MODEL_DIR=${path.join(request.modelDir, 'model')} MODEL_VERSION=${version.version}` : `run no deploy command (models.${request.name}.deploy.command is not set)`,
    `record the promotion of ${label} to ${request.environment}`,
  ];
  if (request.dryRun) return { version, steps, promotion: null };
  await mkdir(path.dirname(request.modelDir), { recursive: true });
  await request.registry.download(request.name, version.version, request.modelDir);
  if (command) {
    const outcome = await runCommand({
      command,
      cwd: request.root,
      timeoutMs: (request.model.deploy?.timeout_minutes ?? 30) * 60_000,
      logFile: path.join(request.modelDir, 'deploy.log'),
      echo: request.echo,
      env: { ...request.env, MODEL_DIR: path.join(request.modelDir, 'model'), MODEL_VERSION: String(version.version), MODEL_NAME: request.name, TRAINYARD_ENVIRONMENT: request.environment },
    });
    if (outcome.exitCode !== 0 || outcome.timedOut) {
      const why = outcome.timedOut ? 'timed out' : `exited with ${outcome.exitCode}`;
      throw new CommandError(`deploy command "${command}" ${why}; ${label} was not promoted to ${request.environment}`);
    }
  }
  const promotion = await request.registry.promote({
    model: request.name,
    version: version.version,
    environment: request.environment,
    decision: 'approved',
    approvers: request.approvers,
    gate: request.gate,
    reason: request.reason,
    runUrl: request.runUrl,
    actor: request.actor,
  });
  return { version, steps, promotion };
}
