import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { createAppMetrics, eventKey, instrumented, recordRateLimit } from '../../app/metrics.ts';

function fakeContext(name: string, action: string | undefined) {
  const hooks: Array<(r: { headers: Record<string, string> }) => void> = [];
  const octokit = { hook: { after: (_: string, fn: (r: { headers: Record<string, string> }) => void) => hooks.push(fn), error: () => undefined } };
  return { context: { name, payload: action ? { action } : {}, octokit } as unknown as Context, respond: (headers: Record<string, string>) => hooks.forEach((h) => h({ headers })) };
}

describe('the App\'s metrics', () => {
  it('times each handled delivery and counts a failing handler as an error', async () => {
    const metrics = createAppMetrics({ processMetrics: false });
    const ok = fakeContext('workflow_run', 'completed');
    await instrumented(metrics, async (context) => {
      expect(eventKey(context)).toBe('workflow_run.completed');
    })(ok.context);
    const bad = fakeContext('issue_comment', 'created');
    await expect(instrumented(metrics, () => Promise.reject(new Error('boom')))(bad.context)).rejects.toThrow('boom');
    const text = await metrics.registry.metrics();
    expect(text).toContain('trainyard_app_handler_duration_seconds_count{event="workflow_run.completed"} 1');
    expect(text).toContain('trainyard_app_handler_duration_seconds_count{event="issue_comment.created"} 1');
    expect(text).toContain('trainyard_app_handler_errors_total{event="issue_comment.created"} 1');
    expect(text).not.toContain('trainyard_app_handler_errors_total{event="workflow_run.completed"}');
  });

  it('keeps the latest rate limit per resource from response headers, ignoring responses without them', async () => {
    const metrics = createAppMetrics({ processMetrics: false });
    const { context, respond } = fakeContext('push', undefined);
    expect(eventKey(context)).toBe('push');
    await instrumented(metrics, async () => {
      respond({ 'x-ratelimit-remaining': '4990', 'x-ratelimit-limit': '5000', 'x-ratelimit-resource': 'core' });
      respond({ 'x-ratelimit-remaining': '4989', 'x-ratelimit-limit': '5000', 'x-ratelimit-resource': 'core' });
      respond({});
    })(context);
    recordRateLimit(metrics, { 'x-ratelimit-remaining': '29', 'x-ratelimit-limit': '30', 'x-ratelimit-resource': 'search' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('trainyard_app_github_rate_limit_remaining{resource="core"} 4989');
    expect(text).toContain('trainyard_app_github_rate_limit_remaining{resource="search"} 29');
    expect(text).toContain('trainyard_app_github_rate_limit_limit{resource="core"} 5000');
  });
});
