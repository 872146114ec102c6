/**
 * `trainyard sandbox --scenario lifecycle [--faults <rate>] [--seed <n>] [--json]`: a
 * model's whole life against the GitHub simulator with the real App over HTTP.
 * `trainyard sandbox --scenario attacks [--json]` replays the security review's attacks
 * on the promotion gate and prints `{"cases": [{"name", "refused", "evidence"}]}`. The
 * sandbox is loaded only when this command runs, and only from a checkout (see
 * src/cli/sandbox-loader.ts): the rest of the CLI never pays for it.
 * It prints the App's pull request comment and check run as they read at the end, and
 * with `--out <dir>` writes them to comment.md and check.md there.
 * Exit codes: 0 the lifecycle passed (every attack refused), 1 a step did not end as it
 * should (an attack was not refused), 2 bad options
 * or no checkout.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { loadSandbox } from '../sandbox-loader.ts';

const SCENARIOS = ['lifecycle', 'attacks'];

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
  out?: string;
}

export function registerSandbox(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('sandbox')
    .description("Play a model's whole life against a simulated GitHub with the real App (from a checkout of trainyard); exit 0 passed, 1 a step failed, 2 bad input.")
    .requiredOption('--scenario <name>', `the scenario to play: ${SCENARIOS.join(', ')}`)
    .option('--faults <rate>', "share of the App's API requests that fail with 502", rate, 0)
    .option('--seed <n>', 'seed of the fault sequence', seed, 1)
    .option('--json', 'print the report as one line of JSON')
    .option('-o, --out <dir>', 'also write the App\'s pull request comment (comment.md) and check run (check.md) into this folder')
    .action(async (options: SandboxOptions) => {
      if (!SCENARIOS.includes(options.scenario)) throw new UsageError(`sandbox: --scenario ${options.scenario}: expected ${SCENARIOS.join(' or ')}`);
      const sandbox = await loadSandbox();
      if (options.scenario === 'attacks') {
        if (options.out !== undefined || options.faults !== 0) throw new UsageError('sandbox: --out and --faults belong to --scenario lifecycle, not attacks');
        const report = await sandbox.runAttacks();
        io.stdout(options.json ? `${JSON.stringify(report)}\n` : `${sandbox.summariseAttacks(report)}\n`);
        if (report.cases.some((c) => !c.refused)) setExit(1);
        return;
      }
      try {
        const report = await sandbox.runLifecycle({ faults: options.faults, seed: options.seed });
        io.stdout(options.json ? `${JSON.stringify(report)}\n` : `${sandbox.summarise(report)}\n`);
        if (options.out) {
          const dir = path.resolve(io.cwd, options.out);
          await mkdir(dir, { recursive: true });
          const files = [
            ['comment.md', `${report.comment.body.trimEnd()}\n`],
            ['check.md', sandbox.renderCheck(report.check)],
          ] as const;
          for (const [name, text] of files) await writeFile(path.join(dir, name), text);
          io.stderr(`trainyard sandbox: wrote ${files.map(([name]) => path.join(options.out!, name)).join(' and ')}\n`);
        }
      } catch (error) {
        if (!(error instanceof sandbox.LifecycleError)) throw error;
        io.stderr(`trainyard sandbox: ${error.message}\n`);
        setExit(1);
      }
    });
}
