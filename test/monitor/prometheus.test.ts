/**
 * Prometheus reads both sides of monitoring: it scrapes the App's /metrics (served on the
 * GitHub simulator, after real deliveries) and the model metrics pushed to a Pushgateway,
 * and answers them back through its HTTP API. Needs Debian's `prometheus` and
 * `prometheus-pushgateway`; skipped, saying so, without them.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRequestListener } from '../../app/http.ts';
import { createApp } from '../../app/index.ts';
import { createAppMetrics } from '../../app/metrics.ts';
import { renderOpenMetrics, renderPrometheusText } from '../../src/monitor/openmetrics.ts';
import { pushMetrics } from '../../src/monitor/push.ts';
import { appKey, REPO, SECRET, seedRepo } from '../app/harness.ts';
import { UnretriedOctokit } from '../../app/sandbox/serve.ts';
import { prometheusBinaries, startMonitoring, type Monitoring } from '../helpers/prometheus.ts';
import { useSimulator } from '../sim/vitest.ts';
import { aucLow, result } from './results.ts';

const bins = prometheusBinaries();
if (!bins) process.stderr.write('test/monitor/prometheus.test.ts: skipped, no prometheus or prometheus-pushgateway binary (apt-get install prometheus prometheus-pushgateway)\n');

describe.skipIf(!bins)('Prometheus and Pushgateway (Debian prometheus, prometheus-pushgateway)', () => {
  const sim = useSimulator();
  let server: Server;
  let fileServer: Server;
  let appPort = 0;
  // An --openmetrics file served as a static scrape target, as OpenMetrics.
  const fileResult = result('fraud', [{ week: '2026-01-12', auc: 0.7, estimatedAuc: 0.72, alerts: [aucLow(0.7)] }]);
  let monitoring: Monitoring;
  const metrics = createAppMetrics();

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    appPort = (server.address() as AddressInfo).port;
    fileServer = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' }).end(renderOpenMetrics(fileResult, 'v1\nbeta')));
    await new Promise<void>((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
    monitoring = await startMonitoring(bins!, { 'trainyard-app': `127.0.0.1:${appPort}`, 'openmetrics-file': `127.0.0.1:${(fileServer.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await monitoring?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => fileServer.close(() => resolve()));
  });

  it('parses the --openmetrics file with its OpenMetrics parser, and promtool accepts the pushed text', async () => {
    const samples = await monitoring.waitFor('trainyard_model_metric{job="openmetrics-file"}', (s) => s.length > 0);
    const byKey = Object.fromEntries(samples.map((s) => [`${s.metric.kind}/${s.metric.metric}`, s]));
    expect(byKey['realized/roc_auc']!.value).toBe(0.7);
    expect(byKey['estimated/roc_auc']!.value).toBe(0.72);
    expect(byKey['latency/latency_p95']!.value).toBe(40);
    expect(byKey['realized/roc_auc']!.metric.version).toBe('v1\nbeta');
    const [alerts] = await monitoring.query('trainyard_model_alerts{job="openmetrics-file"}');
    expect(alerts!.value).toBe(1);
    const [up] = await monitoring.query('up{job="openmetrics-file"}');
    expect(up!.value).toBe(1);
    if (bins!.promtool) {
      const lint = spawnSync(bins!.promtool, ['check', 'metrics'], { input: renderPrometheusText(fileResult, '1'), encoding: 'utf8' });
      expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    }
  });

  it('scrapes the App\'s deliveries, handler latency and rate limit, and reads the pushed model metrics back', async () => {
    const seeded = sim().seed.app({ slug: 'trainyard', privateKey: appKey() });
    const probot = new Probot({ appId: seeded.id, privateKey: seeded.privateKey, secret: SECRET, baseUrl: sim().url, logLevel: 'fatal', Octokit: UnretriedOctokit });
    const middleware = await createNodeMiddleware(createApp({ appSlug: 'trainyard', metrics }), { probot, webhooksPath: '/api/github/webhooks' });
    server.on('request', appRequestListener(middleware, metrics.registry));
    seeded.app.webhook = { url: `http://127.0.0.1:${appPort}/api/github/webhooks`, secret: SECRET };
    sim().seed.installation({ appId: seeded.id, account: 'acme' });
    seedRepo(sim());
    await sim().scenario.push({ repo: REPO, branch: 'feature', files: { 'train.mjs': 'x' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: REPO, head: 'feature', title: 'Better model', author: 'alice' });
    await sim().scenario.comment({ repo: REPO, number, author: 'bob', body: '/trainyard retrain' });
    await sim().webhooks.idle();
    // The App ran bob's command, which took API calls: the retraining workflow was dispatched.
    expect(sim().state.repo(REPO)!.runs.filter((r) => r.event === 'workflow_dispatch')).toHaveLength(1);
    // bob's comment and the App's own answer: two issue_comment deliveries, as the simulator sent them.
    const sent = sim().webhooks.deliveries.filter((d) => d.event === 'issue_comment').length;
    expect(sent).toBe(2);

    const deliveries = await monitoring.waitFor('trainyard_app_webhook_deliveries_total{job="trainyard-app"}', (s) => s.some((x) => x.metric.event === 'issue_comment.created' && x.value === sent));
    expect(deliveries.find((x) => x.metric.event === 'issue_comment.created')!.value).toBe(sent);
    expect(deliveries.find((x) => x.metric.event === 'pull_request.opened')!.value).toBe(1);
    const latency = await monitoring.waitFor('trainyard_app_handler_duration_seconds_count{job="trainyard-app",event="issue_comment.created"}', (s) => s[0]?.value === sent);
    expect(latency[0]!.value).toBe(sent);
    const remaining = await monitoring.waitFor('trainyard_app_github_rate_limit_remaining{job="trainyard-app"}', (s) => s.length > 0);
    // The installation's requests so far, counted down from the simulator's 5,000.
    expect(remaining[0]!.metric.resource).toBe('core');
    expect(remaining[0]!.value).toBeGreaterThan(4900);
    expect(remaining[0]!.value).toBeLessThan(5000);
    const errors = await monitoring.query('trainyard_app_handler_errors_total{job="trainyard-app"}');
    expect(errors.every((e) => e.value === 0)).toBe(true);

    const churn = result('churn', [
      { week: '2026-01-05', auc: 0.8, estimatedAuc: 0.79 },
      { week: '2026-01-12', auc: 0.65, estimatedAuc: 0.68, alerts: [aucLow(0.65), aucLow(0.68, 'estimated')] },
    ]);
    const fraud = result('team/fraud', [{ week: '2026-01-12', auc: null, estimatedAuc: 0.91 }]);
    await pushMetrics(monitoring.pushgatewayUrl, churn, 'v"3');
    await pushMetrics(monitoring.pushgatewayUrl, fraud, null);
    const auc = await monitoring.waitFor('trainyard_model_metric{job="trainyard",metric="roc_auc"}', (s) => s.length === 3);
    const byKey = Object.fromEntries(auc.map((s) => [`${s.metric.model}/${s.metric.kind}`, s]));
    expect(byKey['churn/realized']!.value).toBe(0.65);
    expect(byKey['churn/estimated']!.value).toBe(0.68);
    expect(byKey['churn/realized']!.metric).toMatchObject({ job: 'trainyard', model: 'churn', version: 'v"3' });
    expect(byKey['team/fraud/estimated']!.value).toBe(0.91);
    expect(byKey['team/fraud/estimated']!.metric.version).toBeUndefined();
    const alerts = await monitoring.waitFor('trainyard_model_alerts{job="trainyard"}', (s) => s.length === 2);
    expect(Object.fromEntries(alerts.map((s) => [s.metric.model, s.value]))).toEqual({ churn: 2, 'team/fraud': 0 });

    // A second push replaces the group: the alerts clear, no stale series of the old chunk remain.
    await pushMetrics(monitoring.pushgatewayUrl, result('churn', [{ week: '2026-01-19', auc: 0.82, estimatedAuc: 0.8, latency: null }]), 'v"3');
    await monitoring.waitFor('trainyard_model_alerts{model="churn"}', (s) => s[0]?.value === 0);
    await monitoring.waitFor('trainyard_model_metric{model="churn",kind="latency"}', (s) => s.length === 0);
  });
});
