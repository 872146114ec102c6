/**
 * The App's own Prometheus metrics, served at `GET /metrics`: webhook deliveries per
 * event, handler latency and errors per event, and the GitHub rate limit left as the
 * App's API responses report it (`x-ratelimit-remaining`, per rate-limit resource).
 * Each App server has its own registry, so two servers in one process (tests, the
 * sandbox) count apart; process metrics (CPU, memory, event loop) come with it.
 */
import type { Context, Probot } from 'probot';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface AppMetrics {
  registry: Registry;
  deliveries: Counter<'event'>;
  handlerSeconds: Histogram<'event'>;
  errors: Counter<'event'>;
  rateLimitRemaining: Gauge<'resource'>;
  rateLimitLimit: Gauge<'resource'>;
}

export function createAppMetrics(options: { processMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    deliveries: new Counter({ name: 'trainyard_app_webhook_deliveries_total', help: 'Webhook deliveries received, by event (name.action).', labelNames: ['event'], registers: [registry] }),
    handlerSeconds: new Histogram({
      name: 'trainyard_app_handler_duration_seconds',
      help: 'Time the App spent handling a webhook delivery, by event (name.action).',
      labelNames: ['event'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    errors: new Counter({ name: 'trainyard_app_handler_errors_total', help: 'Webhook handlers that failed, by event (name.action).', labelNames: ['event'], registers: [registry] }),
    rateLimitRemaining: new Gauge({ name: 'trainyard_app_github_rate_limit_remaining', help: 'GitHub API requests left in the current rate-limit window, from the latest response (x-ratelimit-remaining).', labelNames: ['resource'], registers: [registry] }),
    rateLimitLimit: new Gauge({ name: 'trainyard_app_github_rate_limit_limit', help: 'GitHub API requests allowed per rate-limit window, from the latest response (x-ratelimit-limit).', labelNames: ['resource'], registers: [registry] }),
  };
}

/** `<name>.<action>`, or the name alone for events without an action (push). */
export function eventKey(context: { name: string; payload: unknown }): string {
  const action = (context.payload as { action?: unknown } | null)?.action;
  return typeof action === 'string' ? `${context.name}.${action}` : context.name;
}

type Headers = Record<string, string | number | undefined>;

/** Records the rate limit a GitHub response reports; responses without the headers change nothing. */
export function recordRateLimit(metrics: AppMetrics, headers: Headers | undefined): void {
  const remaining = Number(headers?.['x-ratelimit-remaining']);
  if (headers?.['x-ratelimit-remaining'] === undefined || !Number.isFinite(remaining)) return;
  const resource = String(headers['x-ratelimit-resource'] ?? 'core');
  metrics.rateLimitRemaining.set({ resource }, remaining);
  const limit = Number(headers['x-ratelimit-limit']);
  if (headers['x-ratelimit-limit'] !== undefined && Number.isFinite(limit)) metrics.rateLimitLimit.set({ resource }, limit);
}

type Octo = Context['octokit'];
const watched = new WeakSet<object>();

/** Watches an Octokit's responses (and error responses) for the rate-limit headers, once per instance. */
export function watchRateLimit(metrics: AppMetrics, octokit: Octo): void {
  if (watched.has(octokit)) return;
  watched.add(octokit);
  octokit.hook.after('request', (response) => recordRateLimit(metrics, response.headers as Headers));
  octokit.hook.error('request', (error) => {
    recordRateLimit(metrics, (error as { response?: { headers?: Headers } }).response?.headers);
    throw error;
  });
}

/** Counts every delivery the App receives, handled or not. */
export function countDeliveries(app: Probot, metrics: AppMetrics): void {
  app.onAny((context) => {
    metrics.deliveries.inc({ event: eventKey(context as unknown as Context) });
  });
}

/** Wraps a handler: its latency and failures are recorded, its API responses feed the rate-limit gauge. */
export function instrumented<C extends Context>(metrics: AppMetrics, handler: (context: C) => Promise<unknown>): (context: C) => Promise<void> {
  return async (context: C) => {
    const event = eventKey(context);
    watchRateLimit(metrics, context.octokit);
    const stop = metrics.handlerSeconds.startTimer({ event });
    try {
      await handler(context);
    } catch (error) {
      metrics.errors.inc({ event });
      throw error;
    } finally {
      stop();
    }
  };
}
