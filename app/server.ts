/**
 * Runs the App as a Node server: `npx tsx app/server.ts`. Reads APP_ID,
 * PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT (default 3000) and
 * GITHUB_API_URL (GitHub Enterprise or the simulator). Octokit's retry and throttling
 * plugins are on (ProbotOctokit's defaults); webhooks arrive at /api/github/webhooks.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createNodeMiddleware, Probot } from 'probot';
import app from './index.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`trainyard app: ${name} is not set; see docs/app.md\n`);
    process.exit(2);
  }
  return value;
}

const privateKey = process.env.PRIVATE_KEY ?? (process.env.PRIVATE_KEY_PATH ? readFileSync(process.env.PRIVATE_KEY_PATH, 'utf8') : required('PRIVATE_KEY'));
const probot = new Probot({
  appId: required('APP_ID'),
  privateKey,
  secret: required('WEBHOOK_SECRET'),
  ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
  logLevel: (process.env.LOG_LEVEL ?? 'info') as 'info',
});
const middleware = await createNodeMiddleware(app, { probot, webhooksPath: '/api/github/webhooks' });
const port = Number(process.env.PORT ?? 3000);
createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end())).listen(port, () => {
  probot.log.info(`trainyard App listening on :${port}/api/github/webhooks`);
});
