/** `trainyard sandbox --scenario lifecycle`: the whole life of a model on the simulator, with the real App. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SandboxLifecycleReport } from '../../src/cli/sandbox-loader.ts';
import { runCli } from '../helpers/cli.ts';
import { LIFECYCLE } from './lifecycle-expected.ts';

async function sandbox(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(['sandbox', ...argv]);
  return { code, out: stdout, err: stderr };
}

// The lifecycle is the same for the same options (its faults come from the seed): the CLI
// runs below that ask for the same options share one run of it (a minute of CPU each), and
// each still checks what the CLI prints and writes from that run's report.
vi.mock('../../src/cli/sandbox-loader.ts', async (importOriginal) => {
  const loader = await importOriginal<typeof import('../../src/cli/sandbox-loader.ts')>();
  const runs = new Map<string, Promise<SandboxLifecycleReport>>();
  return {
    ...loader,
    loadSandbox: async (...args: Parameters<typeof loader.loadSandbox>) => {
      const sandbox = await loader.loadSandbox(...args);
      return {
        ...sandbox,
        runLifecycle: (options: { faults: number; seed: number }) => {
          const key = JSON.stringify([options.faults, options.seed]);
          if (!runs.has(key)) runs.set(key, sandbox.runLifecycle(options));
          return runs.get(key)!;
        },
      };
    },
  };
});

describe('trainyard sandbox --scenario lifecycle', () => {
  it('plays PR -> comment and check -> review -> merge -> release -> gate -> promotion -> drift -> retraining PR -> retraining run compared on it -> monitoring: health issue, one alert comment, the retraining PR with its evidence and run, and redelivery changes nothing', async () => {
    const { code, out, err } = await sandbox(['--scenario', 'lifecycle', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({ ...LIFECYCLE, faultsInjected: 0 });
    expect(report.apiCalls).toBeGreaterThan(50);
    // Under `doctor`, the doctor's own --json report, field for field.
    const doctor = report.doctor as { promises: Array<Record<string, unknown>> };
    expect(doctor.promises.map((p) => Object.keys(p).sort())).toEqual(doctor.promises.map(() => ['fix', 'holds', 'name', 'setting']));
  }, 420_000);

  it('prints the comment and the check the App produced, and writes them to the files --out names', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-sandbox-out-'));
    const { code, stdout, stderr } = await runCli(['sandbox', '--scenario', 'lifecycle', '--out', dir]);
    expect(code, stderr).toBe(0);
    const comment = await readFile(path.join(dir, 'comment.md'), 'utf8');
    const check = await readFile(path.join(dir, 'check.md'), 'utf8');
    expect(comment).toContain('flight-delays');
    expect(check).toMatch(/^# trainyard \/ flight-delays: success\n/);
    expect(stdout).toContain("──── the App's comment on the pull request (https://github.com/acme/flights/pull/1#issuecomment-");
    expect(stdout.split('\n')[0]).toBe('doctor acme/flights: 6 of 6 promises backed');
    expect(stdout).toContain('workflow runs: trainyard pr (pull_request) success, trainyard pr (pull_request) success, trainyard release (push) success, trainyard drift (schedule) failure, trainyard retrain (workflow_dispatch) failure, trainyard monitor (schedule) failure, trainyard retrain (workflow_dispatch) failure\n');
    expect(stdout).toMatch(/\nalert comments: 1, mentioning @alice @bob https:\/\/github\.com\/acme\/flights\/issues\/3#issuecomment-\d+\n/);
    expect(stdout).toContain('\nretraining pull request #2 with the monitoring evidence: Retrain flight-delays: realized roc_auc out of its band for 3 chunks (realized roc_auc, 3 chunks since 2001-04-16)\n');
    expect(stdout).toContain(comment.trimEnd());
    expect(stdout).toContain(check.trimEnd());
    expect(stderr).toBe(`trainyard sandbox: wrote ${path.join(dir, 'comment.md')} and ${path.join(dir, 'check.md')}\n`);
  }, 420_000);

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
