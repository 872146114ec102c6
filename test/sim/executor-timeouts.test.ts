/**
 * `timeout-minutes` and `continue-on-error` as GitHub honours them: a step past its
 * timeout fails, a job past its timeout is cancelled (its `always()` steps still run),
 * and `continue-on-error` may be an expression, per matrix leg.
 */
import { describe, expect, it } from 'vitest';
import { WorkflowExecutor } from '../../sim/executor/executor.ts';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

async function runWorkflow(workflow: string) {
  sim().seed.user({ login: 'alice' });
  const repo = sim().seed.repo({ fullName: 'acme/slow', collaborators: { alice: 'admin' }, files: { '.github/workflows/ci.yml': workflow } });
  const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }] });
  try {
    return await executor.run({ repo: 'acme/slow', workflow: 'ci.yml', event: 'push', payload: { ref: 'refs/heads/main' }, sha: repo.headSha!, ref: 'refs/heads/main', actor: 'alice' });
  } finally {
    executor.close();
  }
}

describe('timeouts and continue-on-error', () => {
  it('a step past its timeout-minutes fails; continue-on-error from the matrix lets its leg succeed', async () => {
    const started = Date.now();
    const run = await runWorkflow(`name: ci
on: push
jobs:
  probe:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix: { experimental: [false, true] }
    continue-on-error: false
    steps:
      - name: slow
        run: sleep 30
        timeout-minutes: 0.02
        continue-on-error: \${{ matrix.experimental }}
      - if: failure()
        run: echo "reported after the failure"
`);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.jobs.map((job) => [job.name, job.conclusion, job.steps.map((step) => [step.outcome, step.conclusion])])).toEqual([
      ['probe (false)', 'failure', [['failure', 'failure'], ['success', 'success']]],
      ['probe (true)', 'success', [['failure', 'success'], ['skipped', 'skipped']]],
    ]);
    expect(run.jobs[0]!.steps[0]!.log).toContain("The action 'slow' has timed out after 0.02 minutes.");
    expect(run.conclusion).toBe('failure');
  });

  it('a job past its timeout-minutes is cancelled; its always() steps still run, the others are skipped', async () => {
    const run = await runWorkflow(`name: ci
on: push
jobs:
  slow:
    runs-on: ubuntu-latest
    timeout-minutes: 0.02
    steps:
      - run: sleep 30
      - run: echo never
      - if: always()
        id: cleanup
        run: echo "status=\${{ job.status }}" >> "$GITHUB_OUTPUT"
  after:
    needs: slow
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: test "\${{ needs.slow.result }}" = cancelled
`);
    expect(run.jobs.map((job) => [job.name, job.conclusion, job.steps.map((step) => step.conclusion)])).toEqual([
      ['slow', 'cancelled', ['cancelled', 'skipped', 'success']],
      ['after', 'success', ['success']],
    ]);
    expect(run.jobs[0]!.steps[0]!.log).toContain('has exceeded the maximum execution time of 0.02 minutes.');
    expect(run.jobs[0]!.steps[2]!.outputs).toEqual({ status: 'cancelled' });
    expect(run.conclusion).toBe('failure');
  });
});
