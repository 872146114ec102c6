import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { renderOpenApiSubset } from '../../sim/generate.ts';
import { readFileSync } from 'node:fs';
import { SUBSET_FILE } from '../../sim/openapi.ts';
import { startSimulator } from '../../sim/index.ts';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

function alice(): Octokit {
  const { token } = sim().seed.user({ login: 'alice' });
  sim().seed.repo({ fullName: 'alice/models', files: { 'README.md': 'x' } });
  return new Octokit({ baseUrl: sim().url, auth: token, log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
}

describe('checks against GitHub API description', () => {
  it('answers a body that breaks the schema with 422 and records the violation', async () => {
    const octokit = alice();
    await expect(octokit.request('POST /repos/{owner}/{repo}/git/blobs' as string, { owner: 'alice', repo: 'models', contents: 'typo' })).rejects.toMatchObject({ status: 422 });
    const [violation, ...rest] = sim().takeViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ kind: 'request', operationId: 'git/create-blob' });
    expect(violation!.problems.join(' ')).toContain("must have required property 'content'");
  });

  it('records calls to endpoints GitHub does not have, and to ones the simulator does not implement', async () => {
    const octokit = alice();
    await expect(octokit.request('GET /repos/{owner}/{repo}/model-registry', { owner: 'alice', repo: 'models' })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/stargazers', { owner: 'alice', repo: 'models' })).rejects.toMatchObject({ status: 404 });
    expect(sim().takeViolations().map((v) => v.kind)).toEqual(['not-in-description', 'not-simulated']);
  });

  it('makes assertNoViolations throw with every violation listed', async () => {
    const octokit = alice();
    await octokit.request('POST /repos/{owner}/{repo}/git/refs' as string, { owner: 'alice', repo: 'models', ref: 'refs/heads/x' }).catch(() => undefined);
    expect(() => sim().assertNoViolations()).toThrow(/\[request\] POST \/repos\/alice\/models\/git\/refs \(git\/create-ref\).*sha/);
    expect(() => sim().assertNoViolations()).not.toThrow();
  });

  it('serves the committed slice of the installed @octokit/openapi description', async () => {
    expect(readFileSync(SUBSET_FILE, 'utf8')).toBe(await renderOpenApiSubset());
  });
});

describe('fault injection', () => {
  async function statuses(seed: number): Promise<number[]> {
    const s = await startSimulator({ faultSeed: seed });
    try {
      s.seed.repo({ fullName: 'acme/models', files: { a: 'b' } });
      s.faults.add({ operationId: 'repos/get', rate: 0.3, fault: { kind: 'status', status: 502 } });
      s.faults.add({ rate: 0.2, fault: { kind: 'secondary-rate-limit', status: 429, retryAfterSeconds: 7 } });
      const out: number[] = [];
      for (let i = 0; i < 200; i++) out.push((await fetch(`${s.url}/repos/acme/models`)).status);
      return out;
    } finally {
      await s.close();
    }
  }

  it('fails requests at the configured rate, the same way for the same seed', async () => {
    const first = await statuses(42);
    expect(await statuses(42)).toEqual(first);
    expect(await statuses(43)).not.toEqual(first);
    const share = (status: number) => first.filter((s) => s === status).length / first.length;
    expect(share(502)).toBeGreaterThan(0.2);
    expect(share(502)).toBeLessThan(0.4);
    expect(share(429)).toBeGreaterThan(0.08);
    expect(share(429)).toBeLessThan(0.22);
  });

  it('sends retry-after with secondary rate limits and can drop connections', async () => {
    const octokit = alice();
    sim().faults.add({ operationId: 'repos/get', rate: 1, fault: { kind: 'secondary-rate-limit', status: 403, retryAfterSeconds: 60 } });
    await expect(octokit.repos.get({ owner: 'alice', repo: 'models' })).rejects.toMatchObject({ status: 403, response: { headers: { 'retry-after': '60' } } });
    sim().faults.reset();
    sim().faults.add({ rate: 1, fault: { kind: 'drop' } });
    await expect(fetch(`${sim().url}/repos/alice/models`)).rejects.toThrow();
  });
});
