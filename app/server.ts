/**
 * Runs the App as a Node server: `npx tsx app/server.ts`, or `node dist/app.js` (the
 * bundle the container runs). Reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
 * WEBHOOK_SECRET, PORT (default 3000), HOST (all interfaces by default), LOG_LEVEL and
 * GITHUB_API_URL (GitHub Enterprise or the simulator). Octokit's retry and throttling
 * plugins are on (ProbotOctokit's defaults); webhooks arrive at /api/github/webhooks,
 * `GET /ping` answers `PONG` and `GET /metrics` serves the App's Prometheus metrics
 * (app/metrics.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createNodeMiddleware, Probot } from 'probot';
import { appRequestListener } from './http.ts';
import { createApp } from './index.ts';
import { createAppMetrics } from './metrics.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`trainyard app: ${name} is not set; see docs/app.md\n`);
    process.exit(2);
  }
  return value;
}

function privateKey(): string {
  if (process.env.PRIVATE_KEY) return process.env.PRIVATE_KEY;
  const file = process.env.PRIVATE_KEY_PATH;
  if (!file) return required('PRIVATE_KEY');
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`trainyard app: PRIVATE_KEY_PATH ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected the App's PEM file\n`);
    process.exit(2);
  }
}

const probot = new Probot({
  appId: required('APP_ID'),
  privateKey: privateKey(),
  secret: required('WEBHOOK_SECRET'),
  ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
  logLevel: (process.env.LOG_LEVEL ?? 'info') as 'info',
});
const metrics = createAppMetrics();
const middleware = await createNodeMiddleware(createApp({ metrics }), { probot, webhooksPath: '/api/github/webhooks' });
const port = Number(process.env.PORT ?? 3000);
const server = createServer(appRequestListener(middleware, metrics.registry));
server.listen({ port, ...(process.env.HOST ? { host: process.env.HOST } : {}) }, () => {
  probot.log.info(`trainyard App listening on :${port}/api/github/webhooks`);
});
// A container stops with SIGTERM: finish the deliveries in flight, then exit.
process.once('SIGTERM', () => server.close(() => process.exit(0)));
