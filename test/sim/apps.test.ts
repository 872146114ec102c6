import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { Webhooks } from '@octokit/webhooks';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

describe('GitHub Apps', () => {
  it('exchanges a JWT signed with the App key for an installation token that can write check runs', async () => {
    const app = sim().seed.app({ slug: 'trainyard' });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' } });
    const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
    const appOctokit = new Octokit({ baseUrl: sim().url, authStrategy: createAppAuth, auth: { appId: app.id, privateKey: app.privateKey } });
    const { data: me } = await appOctokit.apps.getAuthenticated();
    expect(me?.slug).toBe('trainyard');
    const { data: found } = await appOctokit.apps.getRepoInstallation({ owner: 'acme', repo: 'models' });
    expect(found.id).toBe(installation.id);

    const octokit = new Octokit({ baseUrl: sim().url, authStrategy: createAppAuth, auth: { appId: app.id, privateKey: app.privateKey, installationId: installation.id } });
    const sha = sim().state.repo('acme/models')!.git.refs.get('refs/heads/main')!;
    const { data: check } = await octokit.checks.create({
      owner: 'acme',
      repo: 'models',
      name: 'trainyard / churn',
      head_sha: sha,
      conclusion: 'success',
      output: { title: 'better', summary: 'AUC +0.02', annotations: [{ path: 'README.md', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'ok' }] },
      actions: [{ label: 'Retrain', description: 'Retrain the model', identifier: 'retrain' }],
    });
    expect(check.app?.id).toBe(app.id);
    const { data: listed } = await octokit.checks.listForRef({ owner: 'acme', repo: 'models', ref: 'main' });
    expect(listed.check_runs.map((c) => c.name)).toEqual(['trainyard / churn']);
    const { data: annotations } = await octokit.checks.listAnnotations({ owner: 'acme', repo: 'models', check_run_id: check.id });
    expect(annotations).toHaveLength(1);
  });

  it('rejects a JWT signed with another key (401)', async () => {
    const app = sim().seed.app();
    const other = sim().seed.app();
    const octokit = new Octokit({ baseUrl: sim().url, authStrategy: createAppAuth, auth: { appId: app.id, privateKey: other.privateKey } });
    await expect(octokit.apps.getAuthenticated()).rejects.toMatchObject({ status: 401 });
  });

  it('answers like GitHub for missing, wrong and insufficient credentials', async () => {
    const { token: reader } = sim().seed.user({ login: 'rita' });
    sim().seed.repo({ fullName: 'acme/secret', private: true, files: { a: 'b' }, collaborators: { rita: 'read' } });
    const anonymous = new Octokit({ baseUrl: sim().url });
    await expect(anonymous.repos.get({ owner: 'acme', repo: 'secret' })).rejects.toMatchObject({ status: 404 });
    await expect(new Octokit({ baseUrl: sim().url, auth: 'nope' }).repos.get({ owner: 'acme', repo: 'secret' })).rejects.toMatchObject({ status: 401 });
    const rita = new Octokit({ baseUrl: sim().url, auth: reader });
    const { data } = await rita.repos.get({ owner: 'acme', repo: 'secret' });
    expect(data.permissions).toMatchObject({ pull: true, push: false });
    await expect(rita.repos.createRelease({ owner: 'acme', repo: 'secret', tag_name: 'v1' })).rejects.toMatchObject({ status: 403 });
    const { data: level } = await rita.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'secret', username: 'rita' });
    expect(level.permission).toBe('read');
  });

  it('sends rate-limit headers and refuses a caller who ran out', async () => {
    const { token } = sim().seed.user({ login: 'alice' });
    sim().seed.repo({ fullName: 'alice/r', files: { a: 'b' } });
    const octokit = new Octokit({ baseUrl: sim().url, auth: token });
    const first = await octokit.repos.get({ owner: 'alice', repo: 'r' });
    expect(first.headers['x-ratelimit-limit']).toBe('5000');
    expect(first.headers['x-ratelimit-remaining']).toBe('4999');
    const { data } = await octokit.rateLimit.get();
    expect(data.resources.core.used).toBe(1);
  });

  it('delivers signed webhooks that @octokit/webhooks verifies, and redelivers on demand', async () => {
    const secret = 'webhook-secret';
    const received: Array<{ name: string; id: string; action: unknown }> = [];
    const verifier = new Webhooks({ secret });
    verifier.onAny(({ id, name, payload }) => {
      received.push({ id, name, action: (payload as { action?: string }).action });
    });
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        verifier
          .verifyAndReceive({ id: String(req.headers['x-github-delivery']), name: String(req.headers['x-github-event']) as 'push', payload: Buffer.concat(chunks).toString(), signature: String(req.headers['x-hub-signature-256']) })
          .then(() => res.writeHead(200).end('ok'), () => res.writeHead(400).end('bad signature'));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const app = sim().seed.app({ webhook: { url, secret } });
      sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' }, collaborators: { alice: 'write' } });
      sim().seed.installation({ appId: app.id, account: 'acme' });
      await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
      const number = await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'feature', title: 'Add a', author: 'alice' });
      await sim().webhooks.idle();
      expect(received.map((r) => `${r.name}.${String(r.action)}`)).toEqual(['push.undefined', 'pull_request.opened']);
      const opened = sim().webhooks.deliveries.find((d) => d.event === 'pull_request')!;
      expect(opened.statusCode).toBe(200);
      expect((opened.payload.pull_request as { number: number }).number).toBe(number);
      const again = sim().webhooks.redeliver(opened.id);
      await sim().webhooks.idle();
      expect(again).toMatchObject({ redelivery: true, statusCode: 200 });
      expect(received.at(-1)?.name).toBe('pull_request');
    } finally {
      server.close();
    }
  });
});

describe('registering an App from a manifest', () => {
  const manifest = {
    name: 'trainyard-acme',
    url: 'https://github.com/trainyard/trainyard',
    hook_attributes: { url: 'https://apps.example.com/api/github/webhooks' },
    redirect_url: 'http://127.0.0.1:3000/callback',
    public: false,
    default_permissions: { checks: 'write' as const, contents: 'read' as const },
    default_events: ['check_run', 'workflow_run'],
  };

  it('trades the one-time code for the App\'s credentials, which then authenticate as the App', async () => {
    const { code, redirectUrl } = sim().scenario.confirmAppManifest({ manifest, by: 'alice', org: 'acme', state: 's1' });
    expect(redirectUrl).toBe(`http://127.0.0.1:3000/callback?code=${code}&state=s1`);
    const anonymous = new Octokit({ baseUrl: sim().url });
    const { data, status } = await anonymous.apps.createFromManifest({ code });
    expect(status).toBe(201);
    expect(data).toMatchObject({ slug: 'trainyard-acme', name: 'trainyard-acme', owner: { login: 'acme', type: 'Organization' }, permissions: { checks: 'write', contents: 'read', metadata: 'read' }, events: ['check_run', 'workflow_run'] });
    expect(data.html_url).toMatch(/\/apps\/trainyard-acme$/);
    expect(data.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(data.webhook_secret).toMatch(/^[0-9a-f]{40}$/);
    expect(data.client_id).toMatch(/^Iv1\./);
    expect(data.client_secret).toMatch(/^[0-9a-f]{40}$/);
    expect(sim().state.apps.get(data.id)?.webhook).toEqual({ url: manifest.hook_attributes.url, secret: data.webhook_secret });

    const asApp = new Octokit({ baseUrl: sim().url, authStrategy: createAppAuth, auth: { appId: data.id, privateKey: data.pem } });
    expect((await asApp.apps.getAuthenticated()).data?.slug).toBe('trainyard-acme');
  });

  it('takes a code once, and not after an hour', async () => {
    const anonymous = new Octokit({ baseUrl: sim().url });
    const { code } = sim().scenario.confirmAppManifest({ manifest, by: 'alice' });
    await anonymous.apps.createFromManifest({ code });
    await expect(anonymous.apps.createFromManifest({ code })).rejects.toMatchObject({ status: 404 });
    const late = sim().scenario.confirmAppManifest({ manifest: { ...manifest, name: 'trainyard-late', hook_attributes: { url: 'https://x.example.com', active: false } }, by: 'alice' });
    sim().clock.advance(3_600_001);
    await expect(anonymous.apps.createFromManifest({ code: late.code })).rejects.toMatchObject({ status: 404 });
    await expect(anonymous.apps.createFromManifest({ code: 'never-issued' })).rejects.toMatchObject({ status: 404 });
    expect(sim().state.apps.get(late.app.id)?.webhook).toBeNull();
    expect(late.app.owner.login).toBe('alice');
  });

  it('refuses a manifest without a homepage or with a name already taken', () => {
    expect(() => sim().scenario.confirmAppManifest({ manifest: { ...manifest, url: '' }, by: 'alice' })).toThrow(/url is required/);
    sim().scenario.confirmAppManifest({ manifest, by: 'alice' });
    expect(() => sim().scenario.confirmAppManifest({ manifest, by: 'bob' })).toThrow(/already taken/);
  });
});
