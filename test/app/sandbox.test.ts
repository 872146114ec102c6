/** `trainyard sandbox --scenario lifecycle`: the whole life of a model on the simulator, with the real App. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { LIFECYCLE } from './lifecycle-expected.ts';

async function sandbox(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(['sandbox', ...argv]);
  return { code, out: stdout, err: stderr };
}


describe('trainyard sandbox --scenario lifecycle', () => {
  it('plays PR -> comment and check -> review -> merge -> release -> gate -> promotion -> drift -> retraining PR, and redelivery changes nothing', async () => {
    const { code, out, err } = await sandbox(['--scenario', 'lifecycle', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ ...LIFECYCLE, faultsInjected: 0 });
    expect(report.apiCalls).toBeGreaterThan(50);
  }, 60_000);

  it.each([
    [['--scenario', 'birthday'], /--scenario birthday: expected lifecycle/],
    [['--scenario', 'lifecycle', '--faults', '1.5'], /--faults.*expected a share of requests in \[0, 1\), got 1\.5/],
    [['--scenario', 'lifecycle', '--seed', '-3'], /--seed.*expected a non-negative integer/],
    [['--faults', '0.1'], /required option '--scenario <name>' not specified/],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    const { code, out, err } = await sandbox(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    // One line, and for commander's own refusals the CLI's hint below it.
    expect(err.trim().split('\n').filter((line) => line !== '(run with --help for usage)')).toHaveLength(1);
    expect(err).toMatch(message);
  });
});
