/**
 * `npx tsx app/sandbox.ts --scenario lifecycle [--faults <rate>] [--seed <n>] [--json]`:
 * plays a model's whole life against the GitHub simulator with the real App over HTTP.
 * A script of the checkout, not a `trainyard` command: the simulator lives in test/sim
 * and stays out of the published bundle (docs/app.md, "The sandbox").
 * Exit codes: 0 the lifecycle passed, 1 a step did not end as it should, 2 bad options.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { LifecycleError, runLifecycle, type LifecycleReport } from './sandbox/lifecycle.ts';

function rate(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !(parsed >= 0 && parsed < 1)) throw new InvalidArgumentError(`expected a share of requests in [0, 1), got ${value}`);
  return parsed;
}

function seed(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(`expected a non-negative integer, got ${value}`);
  return Number(value);
}

function summary(report: LifecycleReport): string {
  return [
    `comment ${report.comment.id}: ${report.comment.updates} updates`,
    `check ${report.check.name}: ${report.check.conclusion ?? 'none'}`,
    `gate: ${report.gate.state}: ${report.gate.comment ?? ''}`,
    `release ${report.release.tag}, promotion ${report.promotion.tag}`,
    `retraining pull request #${report.retrainingPr.number} on ${report.retrainingPr.branch}`,
    `duplicates ${report.duplicates}, App API calls ${report.apiCalls}, faults injected ${report.faultsInjected}`,
  ].join('\n');
}

export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const program = new Command('sandbox')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .requiredOption('--scenario <name>', 'the scenario to play: lifecycle')
    .option('--faults <rate>', "share of the App's API requests that fail with 502", rate, 0)
    .option('--seed <n>', 'seed of the fault sequence', seed, 1)
    .option('--json', 'print the report as JSON');
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const options = program.opts<{ scenario: string; faults: number; seed: number; json?: boolean }>();
  if (options.scenario !== 'lifecycle') {
    err(`sandbox: --scenario ${options.scenario}: expected lifecycle\n`);
    return 2;
  }
  try {
    const report = await runLifecycle({ faults: options.faults, seed: options.seed });
    out(options.json ? `${JSON.stringify(report)}\n` : `${summary(report)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof LifecycleError)) throw error;
    err(`sandbox: ${error.message}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
}
