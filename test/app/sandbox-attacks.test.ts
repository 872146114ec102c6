/** `trainyard sandbox --scenario attacks`: the security review's attacks on the gate, replayed against the simulator. */
import { describe, expect, it } from 'vitest';
import { ATTACKS, type AttacksReport } from '../../app/sandbox/attacks.ts';
import * as sandboxApi from '../../app/sandbox/api.ts';
import type { SandboxModule } from '../../src/cli/sandbox-loader.ts';
import { runCli } from '../helpers/cli.ts';

describe('trainyard sandbox --scenario attacks', () => {
  it('replays every attack and prints {"cases": [{name, refused, evidence}]}, each refused with GitHub\'s record as evidence', async () => {
    const { code, stdout, stderr } = await runCli(['sandbox', '--scenario', 'attacks', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AttacksReport;
    expect(report.cases.map((c) => c.name)).toEqual(ATTACKS.map((a) => a.name));
    for (const c of report.cases) expect(Object.keys(c)).toEqual(['name', 'refused', 'evidence']);
    expect(report.cases.filter((c) => !c.refused)).toEqual([]);
    const evidence = Object.fromEntries(report.cases.map((c) => [c.name, c.evidence]));
    expect(evidence[ATTACKS[0]!.name]).toMatch(/^rejected: .*its release was made by alice, not by trainyard's App/);
    expect(evidence[ATTACKS[2]!.name]).toMatch(/^rejected: .*its tag points at [0-9a-f]{7}, not the card's commit [0-9a-f]{7}/);
    expect(evidence[ATTACKS[5]!.name]).toMatch(/bob authored or committed a commit of the pull request/);
    expect(evidence[ATTACKS[6]!.name]).toMatch(/^deploy --require-check: .*"trainyard \/ promotion" on [0-9a-f]{40} concluded failure; refusing to deploy$/);
    expect(evidence[ATTACKS.at(-1)!.name]).toBe("champion churn@v1; churn#production#99: trainyard's App (trainyard) did not attest it");
  }, 300_000);

  it('says which attack was not refused, and how many held', () => {
    // Typed as what the CLI loads, so tsc holds the sandbox's exports to the loader's contract.
    const sandbox: SandboxModule = sandboxApi;
    const text = sandbox.summariseAttacks({ cases: [{ name: 'a', refused: true, evidence: 'rejected: x' }, { name: 'b', refused: false, evidence: 'approved: y' }] });
    expect(text).toBe('refused     a\n            rejected: x\nNOT REFUSED b\n            approved: y\n1 of 2 attacks refused');
  });

  it('refuses the lifecycle\'s options with exit 2', async () => {
    const { code, stderr } = await runCli(['sandbox', '--scenario', 'attacks', '--out', 'x']);
    expect([code, stderr]).toEqual([2, 'trainyard: sandbox: --out and --faults belong to --scenario lifecycle, not attacks\n']);
  });
});
