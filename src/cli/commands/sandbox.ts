/**
 * `trainyard sandbox --scenario lifecycle [--faults <rate>] [--seed <n>] [--json]`: a
 * model's whole life against the GitHub simulator with the real App over HTTP. The
 * sandbox is loaded only when this command runs, and only from a checkout (see
 * src/cli/sandbox-loader.ts): the rest of the CLI never pays for it.
 * Exit codes: 0 the lifecycle passed, 1 a step did not end as it should, 2 bad options
 * or no checkout.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { loadSandbox } from '../sandbox-loader.ts';

const SCENARIOS = ['lifecycle'];

function rate(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !(parsed >= 0 && parsed < 1)) throw new InvalidArgumentError(`expected a share of requests in [0, 1), got ${value}`);
  return parsed;
}

function seed(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(`expected a non-negative integer, got ${value}`);
  return Number(value);
}

interface SandboxOptions {
  scenario: string;
  faults: number;
  seed: number;
  json?: boolean;
}

export function registerSandbox(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('sandbox')
    .description("Play a model's whole life against a simulated GitHub with the real App (from a checkout of trainyard); exit 0 passed, 1 a step failed, 2 bad input.")
    .requiredOption('--scenario <name>', `the scenario to play: ${SCENARIOS.join(', ')}`)
    .option('--faults <rate>', "share of the App's API requests that fail with 502", rate, 0)
    .option('--seed <n>', 'seed of the fault sequence', seed, 1)
    .option('--json', 'print the report as one line of JSON')
    .action(async (options: SandboxOptions) => {
      if (!SCENARIOS.includes(options.scenario)) throw new UsageError(`sandbox: --scenario ${options.scenario}: expected ${SCENARIOS.join(' or ')}`);
      const sandbox = await loadSandbox();
      try {
        const report = await sandbox.runLifecycle({ faults: options.faults, seed: options.seed });
        io.stdout(options.json ? `${JSON.stringify(report)}\n` : `${sandbox.summarise(report)}\n`);
      } catch (error) {
        if (!(error instanceof sandbox.LifecycleError)) throw error;
        io.stderr(`trainyard sandbox: ${error.message}\n`);
        setExit(1);
      }
    });
}
