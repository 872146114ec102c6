/** A fork's artifact with a huge metrics.json: refused by size and key limits before any parsing. */
import { describe, expect, it } from 'vitest';
import { checkJsonLimits, JsonLimitError, METRICS_JSON_LIMITS, parseBoundedJson } from '../../src/github/bounded-json.ts';
import { checks, REPO, seedRepo, useServedApp } from './harness.ts';

const { sim, serve } = useServedApp();

/** A flat object of `keys` numeric keys: 2 million of them make about 36 MB. */
function manyKeys(keys: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < keys; i++) parts.push(`"metric_${i}":0.5`);
  return Buffer.from(`{${parts.join(',')}}`);
}

describe('bounded JSON', () => {
  it('counts keys and array items, skipping strings (escapes included), and the depth', () => {
    const limits = { maxBytes: 1000, maxMembers: 3, maxDepth: 2 };
    expect(() => checkJsonLimits(Buffer.from('{"a":1,"b":[1,2],"c":"x,y:z\\":,"}'), 'f', limits)).toThrow('f: more than 3 keys and items');
    expect(() => checkJsonLimits(Buffer.from('{"a":1,"b":"x,y:z\\":,"}'), 'f', limits)).not.toThrow();
    expect(() => checkJsonLimits(Buffer.from('{"a":[[1]]}'), 'f', limits)).toThrow('f: nested deeper than 2 levels');
    expect(() => checkJsonLimits(Buffer.alloc(1001, 0x20), 'f', limits)).toThrow('f: 1001 bytes, more than the 1000 allowed');
    expect(parseBoundedJson(Buffer.from('{"roc_auc":0.8}'), 'f', METRICS_JSON_LIMITS)).toEqual({ roc_auc: 0.8 });
  });

  it('refuses a 36 MB metrics.json of 2 million keys in milliseconds, and a small one with too many keys', () => {
    const huge = manyKeys(2_000_000);
    expect(huge.length).toBeGreaterThan(30 * 1024 * 1024);
    const started = performance.now();
    expect(() => parseBoundedJson(huge, 'metrics.json', METRICS_JSON_LIMITS)).toThrow(JsonLimitError);
    expect(performance.now() - started).toBeLessThan(50);
    const small = manyKeys(20_000);
    expect(small.length).toBeLessThan(METRICS_JSON_LIMITS.maxBytes);
    expect(() => parseBoundedJson(small, 'metrics.json', METRICS_JSON_LIMITS)).toThrow('metrics.json: more than 10000 keys and items');
  });
});

it('the App refuses a pull request\'s metrics.json with 20,000 keys in its check, without parsing it', async () => {
  await serve();
  seedRepo(sim());
  await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
  await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Many metrics', author: 'alice' });
  const metrics = manyKeys(20_000).toString();
  sim().scenario.completeWorkflowRun({ repo: REPO, workflow: 'trainyard-pr.yml', branch: 'feature', event: 'pull_request', artifacts: [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: metrics }, { path: 'predictions.csv', content: 'id,label,score\n1,1,0.9\n' }] }] });
  await sim().webhooks.idle();
  const [check] = checks(sim(), 'trainyard / churn');
  expect(check?.conclusion).not.toBe('success');
  expect(`${check?.output.title ?? ''} ${check?.output.summary ?? ''}`).toMatch(/metrics\.json in artifact trainyard-churn: more than 10000 keys and items/);
});
