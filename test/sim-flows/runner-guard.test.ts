/**
 * `trainyard runner guard` against the simulator: the workflow event is the webhook
 * payload GitHub sent for the label (an Actions event payload is the same document), and
 * the labeler's permission is read with the workflow's installation token.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../registry/fixtures.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();
const LABEL = 'trainyard:safe-to-train';
let receiver: Server;

// The webhook receiver only answers 200: the test reads the payloads the simulator recorded.
beforeEach(async () => {
  receiver = createServer((_req, res) => res.end());
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

/** acme/models with a maintainer, a triager and a reader, and pull request #1 from fred's fork; returns the workflow's token. */
async function forkPullRequest(): Promise<{ actionsToken: string }> {
  sim().seed.user({ login: 'fred' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'train.py': 'print(1)\n' }, collaborators: { maya: 'maintain', tina: 'triage', rita: 'read' } });
  sim().seed.repo({ fullName: 'fred/models', forkOf: 'acme/models' });
  await sim().scenario.push({ repo: 'fred/models', branch: 'faster', files: { 'train.py': 'print(2)\n' }, author: 'fred' });
  const app = sim().seed.app({ slug: 'github-actions', webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: 's' } });
  const installation = sim().seed.installation({ appId: app.id, account: 'acme', repositories: ['acme/models'] });
  await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'fred:faster', title: 'Faster training', author: 'fred' });
  return { actionsToken: sim().seed.installationToken({ installationId: installation.id, permissions: { metadata: 'read', pull_requests: 'read' } }) };
}

/** Writes the newest `pull_request` delivery with `action` as the workflow event file. */
async function eventFile(action: string): Promise<string> {
  const delivery = sim().webhooks.deliveries.filter((d) => d.event === 'pull_request' && d.action === action).at(-1);
  if (!delivery) throw new Error(`no pull_request.${action} delivery`);
  const file = path.join(await tempDir('trainyard-guard-'), 'event.json');
  await writeFile(file, JSON.stringify(delivery.payload));
  return file;
}

async function guard(file: string, token: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH, GITHUB_API_URL: sim().url, GITHUB_TOKEN: token, RUNNER_ENVIRONMENT: 'self-hosted', GITHUB_ACTIONS: 'true' };
  return runCli(['runner', 'guard', '--event', file, '--event-name', 'pull_request_target'], { env });
}

const labelAs = (login: string) => new Octokit({ auth: `ghp_${login}`, baseUrl: sim().url }).issues.addLabels({ owner: 'acme', repo: 'models', issue_number: 1, labels: [LABEL] });

describe('trainyard runner guard against GitHub (the simulator)', () => {
  it("runs a fork's code once a maintainer applied the label, and refuses it again after a new push", async () => {
    const { actionsToken } = await forkPullRequest();
    await labelAs('maya');
    const allowed = await guard(await eventFile('labeled'), actionsToken);
    expect([allowed.code, allowed.stdout]).toEqual([0, `trainyard: allowed: maya (write) applied "${LABEL}" to pull request #1 from fred/models after its last push\n`]);

    await sim().scenario.push({ repo: 'fred/models', branch: 'faster', files: { 'train.py': 'import os\n' }, author: 'fred' });
    const pushed = await guard(await eventFile('synchronize'), actionsToken);
    expect(pushed.code).toBe(1);
    expect(pushed.stderr).toBe(`trainyard: refused: pull request #1 comes from the fork fred/models and new commits were pushed, so an earlier review no longer covers them; a maintainer with write access must review the code and apply "${LABEL}" after the last push\n`);
  });

  it('refuses the label from a triager, who may label but not approve code', async () => {
    const { actionsToken } = await forkPullRequest();
    await expect(labelAs('rita')).rejects.toMatchObject({ status: 403 });
    await labelAs('tina');
    const refused = await guard(await eventFile('labeled'), actionsToken);
    const reason = `"${LABEL}" was applied by tina, whose permission on acme/models is read; only write, maintain or admin can approve fork code`;
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([1, `::error title=trainyard: fork code refused::${reason}\n`, `trainyard: refused: ${reason}\n`]);
  });

  it('refuses when the workflow token cannot read permissions (fail closed)', async () => {
    await forkPullRequest();
    await labelAs('maya');
    const refused = await guard(await eventFile('labeled'), 'ghs_expired');
    expect([refused.code, refused.stderr]).toEqual([1, 'trainyard: refused: cannot read maya\'s permission on acme/models (HTTP 401); refusing fork code\n']);
  });
});
