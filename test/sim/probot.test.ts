import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunction } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();
const SECRET = 'probot-secret';
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Serves `appFn` through Probot's own middleware and installs it on `acme`. */
async function serveApp(appFn: ApplicationFunction): Promise<void> {
  const app = sim().seed.app({ slug: 'trainyard' });
  const privateKey = app.privateKey;
  const probot = new Probot({
    appId: app.id,
    privateKey,
    secret: SECRET,
    baseUrl: sim().url,
    logLevel: 'warn',
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  const middleware = await createNodeMiddleware(appFn, { probot, webhooksPath: '/api/github/webhooks' });
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  app.app.webhook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`, secret: SECRET };
  sim().seed.installation({ appId: app.id, account: 'acme' });
}

describe('a Probot app against the simulator', () => {
  it('receives a signed pull_request webhook and comments with its installation token', async () => {
    await serveApp((app) => {
      app.on('pull_request.opened', async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: `Thanks, ${context.payload.pull_request.user.login}` }));
      });
    });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' }, collaborators: { alice: 'write' } });
    await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
    const number = await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'feature', title: 'Add a', author: 'alice' });
    await sim().webhooks.idle();
    const comments = sim().state.repo('acme/models')!.comments;
    expect(comments.map((c) => [c.issueNumber, c.user.login, c.body])).toEqual([[number, 'trainyard[bot]', 'Thanks, alice']]);
  });

  it('answers a custom deployment protection rule at the callback URL', async () => {
    await serveApp((app) => {
      app.on('deployment_protection_rule.requested', async (context) => {
        const { deployment_callback_url: url, environment } = context.payload;
        await context.octokit.request(`POST ${url!}`, { environment_name: environment!, state: 'rejected', comment: 'candidate is worse than the champion' });
      });
    });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x', '.github/workflows/release.yml': 'on: push\njobs: {}\n' } });
    const appId = [...sim().state.apps.values()].find((a) => a.slug === 'trainyard')!.id;
    sim().seed.environment({ repo: 'acme/models', name: 'production', protectionApps: [appId] });
    const run = sim().scenario.completeWorkflowRun({ repo: 'acme/models', workflow: 'release.yml' });
    sim().scenario.requestDeployment({ repo: 'acme/models', runId: run.id, environment: 'production' });
    await sim().webhooks.idle();
    const repo = sim().state.repo('acme/models')!;
    expect(repo.protectionReviews).toMatchObject([{ runId: run.id, environment: 'production', state: 'rejected', comment: 'candidate is worse than the champion' }]);
    expect(repo.runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
