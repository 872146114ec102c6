/**
 * `trainyard app create`: GitHub's manifest flow end to end, with a browser played by
 * fetch and GitHub's `POST /app-manifests/{code}/conversions` played by a local server
 * (the simulator does not model App registration).
 */
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildManifest, newAppUrl, settingsUrl } from '../../src/app/manifest.ts';
import { runCli } from '../helpers/cli.ts';

const body = (request: IncomingMessage) => new Promise<string>((resolve) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => resolve(text));
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('trainyard app create', () => {
  it('serves the manifest form, trades GitHub\'s code for the credentials and writes them with mode 0600', async () => {
    const conversions: string[] = [];
    const github = createServer(async (request, response) => {
      await body(request);
      const match = /^\/app-manifests\/([^/]+)\/conversions$/.exec(request.url ?? '');
      if (request.method === 'POST' && match) {
        conversions.push(match[1]!);
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 4242, slug: 'trainyard-acme', html_url: 'https://github.com/apps/trainyard-acme', pem: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n', webhook_secret: 'shh', client_id: 'Iv1.abc', client_secret: 'secret' }));
        return;
      }
      response.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-app-create-'));
    const port = await freePort();
    try {
      const running = runCli(['app', 'create', '--owner', 'acme', '--port', String(port), '--github-url', 'https://github.com', '--timeout', '60'], { cwd: dir, env: { GITHUB_API_URL: api } });
      // The browser: open the page, read the form GitHub receives.
      let page = '';
      for (let attempt = 0; attempt < 100 && !page; attempt += 1) {
        page = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text(), () => new Promise<string>((resolve) => setTimeout(() => resolve(''), 50)));
      }
      const action = /action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
      expect(action).toMatch(/^https:\/\/github\.com\/organizations\/acme\/settings\/apps\/new\?state=[0-9a-f]{32}$/);
      const manifest = JSON.parse(/name="manifest" value="([^"]+)"/.exec(page)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Record<string, unknown>;
      const file = parse(await readFile('app/app.yml', 'utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ name: 'trainyard-acme', public: false, redirect_url: `http://127.0.0.1:${port}/callback`, hook_attributes: { active: false }, default_permissions: file.default_permissions, default_events: file.default_events });
      // A callback with another state is refused; GitHub's is accepted.
      expect((await fetch(`http://127.0.0.1:${port}/callback?code=forged&state=nope`)).status).toBe(400);
      const state = new URL(action).searchParams.get('state')!;
      expect((await fetch(`http://127.0.0.1:${port}/callback?code=the-code&state=${state}`)).status).toBe(200);
      const result = await running;
      expect(result.code, result.stderr).toBe(0);
      expect(conversions).toEqual(['the-code']);
      expect(result.stdout).toContain('Registered the GitHub App "trainyard-acme" (id 4242).');
      expect(result.stdout).toContain('settings:    https://github.com/organizations/acme/settings/apps/trainyard-acme');
      expect(result.stdout).toContain('install it:  https://github.com/apps/trainyard-acme/installations/new');
      expect(result.stdout).not.toContain('secret');
      const env = await readFile(path.join(dir, '.trainyard/app/trainyard-acme.env'), 'utf8');
      expect(env).toContain('APP_ID=4242\n');
      expect(env).toContain('WEBHOOK_SECRET=shh\n');
      expect((await stat(path.join(dir, '.trainyard/app/trainyard-acme.private-key.pem'))).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dir, '.trainyard/app/trainyard-acme.env'))).mode & 0o777).toBe(0o600);
    } finally {
      github.close();
    }
  }, 60_000);

  it('builds the manifest from app/app.yml: an active hook with a webhook URL, the user\'s or the organisation\'s pages', async () => {
    const text = await readFile('app/app.yml', 'utf8');
    const manifest = buildManifest(text, 'app/app.yml', { name: 'ml team', webhookUrl: 'https://apps.example.com/api/github/webhooks', redirectUrl: 'http://127.0.0.1:3000/callback' });
    expect(manifest.hook_attributes).toEqual({ url: 'https://apps.example.com/api/github/webhooks', active: true });
    expect(newAppUrl('https://github.com', undefined, 's')).toBe('https://github.com/settings/apps/new?state=s');
    expect(settingsUrl('https://ghe.example.com/', undefined, 'ml-team')).toBe('https://ghe.example.com/settings/apps/ml-team');
  });

  it.each([
    [['--name', 'a name that is far too long for a GitHub App'], /--name .*at most 34/],
    [['--webhook-url', 'http://insecure.example.com'], /--webhook-url .*https:\/\//],
    [['--port', '99999'], /--port 99999: expected a port number/],
  ])('refuses %j in one line with exit 2', async (args, message) => {
    const result = await runCli(['app', 'create', '--print-manifest', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
