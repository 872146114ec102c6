/**
 * `trainyard app create`: GitHub's manifest flow end to end with the bundled CLI
 * (dist/trainyard.js) against the GitHub simulator. The browser is played by fetch: it
 * opens the local page, confirms the manifest on the simulated GitHub (a one-time code)
 * and follows GitHub's redirect back; the CLI trades the code for the App's credentials,
 * and those credentials then authenticate as the App and as its installation.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildManifest, newAppUrl, settingsUrl } from '../../src/app/manifest.ts';
import { useSimulator } from '../sim/vitest.ts';
import type { AppManifest } from '../../sim/scenario.ts';
import { runCli } from '../helpers/cli.ts';

const sim = useSimulator();
const bundle = path.resolve('dist/trainyard.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function runBundle(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('trainyard app create', () => {
  it('registers the App on the simulated GitHub: the state is checked, the credentials are written 0600 and authenticate as the App', async () => {
    sim().seed.repo({ fullName: 'acme/churn', files: { 'README.md': 'x' } });
    const web = sim().url.replace(/\/api\/v3\/?$/, '');
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-app-create-'));
    const port = await freePort();
    const running = runBundle(['app', 'create', '--owner', 'acme', '--port', String(port), '--github-url', web, '--timeout', '60'], dir, { GITHUB_API_URL: sim().url });
    // The browser: open the local page and read the form it would post to GitHub.
    let page = '';
    for (let attempt = 0; attempt < 200 && !page; attempt += 1) {
      page = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text(), () => new Promise<string>((resolve) => setTimeout(() => resolve(''), 50)));
    }
    const action = new URL(unescape(/action="([^"]+)"/.exec(page)![1]!));
    expect(`${action.origin}${action.pathname}`).toBe(`${web}/organizations/acme/settings/apps/new`);
    const state = action.searchParams.get('state')!;
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    const manifest = JSON.parse(unescape(/name="manifest" value="([^"]+)"/.exec(page)![1]!)) as AppManifest;
    const file = parse(await readFile('app/app.yml', 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'trainyard-acme', public: false, redirect_url: `http://127.0.0.1:${port}/callback`, hook_attributes: { active: false }, default_permissions: file.default_permissions, default_events: file.default_events });

    // "Create GitHub App" on the simulated GitHub, then GitHub's redirect back.
    const { code, app, redirectUrl } = sim().scenario.confirmAppManifest({ manifest, by: 'alice', org: 'acme', state });
    // A callback with a forged state (or none) is refused, and the code is not spent.
    expect((await fetch(`http://127.0.0.1:${port}/callback?code=${code}&state=forged`)).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/callback?code=${code}`)).status).toBe(400);
    const issued = sim().state.manifestConversions.get(code)!;
    expect(issued, "the forged callbacks must not spend the code").toBeDefined();
    expect((await fetch(redirectUrl!)).status).toBe(200);
    const result = await running;
    expect(result.code, result.stderr).toBe(0);
    expect(sim().state.manifestConversions.has(code)).toBe(false);
    expect(result.stdout).toContain(`Registered the GitHub App "trainyard-acme" (id ${app.id}).`);
    expect(result.stdout).toContain(`settings:    ${web}/organizations/acme/settings/apps/trainyard-acme`);
    // The install link is the App's html_url on GitHub's web host (the simulator's is https://github.com).
    expect(result.stdout).toContain('install it:  https://github.com/apps/trainyard-acme/installations/new');

    const envFile = path.join(dir, '.trainyard/app/trainyard-acme.env');
    const keyFile = path.join(dir, '.trainyard/app/trainyard-acme.private-key.pem');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(envFile)).mode & 0o777).toBe(0o600);
    const env = Object.fromEntries((await readFile(envFile, 'utf8')).trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    expect(env).toMatchObject({ APP_ID: String(app.id), PRIVATE_KEY_PATH: keyFile, GITHUB_CLIENT_ID: app.clientId, GITHUB_CLIENT_SECRET: issued.clientSecret, WEBHOOK_SECRET: issued.webhookSecret ?? '' });
    expect(result.stdout).not.toContain(env.GITHUB_CLIENT_SECRET);
    const pem = await readFile(keyFile, 'utf8');
    expect(pem).toBe(issued.pem);
    expect(result.stdout).not.toContain(pem.split('\n')[1]);

    // The credentials work: a JWT signed with the key, then an installation token that writes a check run.
    const installation = sim().seed.installation({ appId: app.id, account: 'acme' });
    const asApp = new Octokit({ baseUrl: sim().url, authStrategy: createAppAuth, auth: { appId: Number(env.APP_ID), privateKey: pem } });
    expect((await asApp.apps.getAuthenticated()).data?.slug).toBe('trainyard-acme');
    const { data: found } = await asApp.apps.getRepoInstallation({ owner: 'acme', repo: 'churn' });
    expect(found.id).toBe(installation.id);
    const asInstallation = new Octokit({ baseUrl: sim().url, authStrategy: createAppAuth, auth: { appId: Number(env.APP_ID), privateKey: pem, installationId: installation.id } });
    const sha = sim().state.repo('acme/churn')!.git.refs.get('refs/heads/main')!;
    const { data: check } = await asInstallation.checks.create({ owner: 'acme', repo: 'churn', name: 'trainyard / churn', head_sha: sha, conclusion: 'success', output: { title: 'ok', summary: 'ok' } });
    expect(check.app?.slug).toBe('trainyard-acme');
    // The code was spent: a second trade is refused like GitHub does.
    await expect(new Octokit({ baseUrl: sim().url }).apps.createFromManifest({ code })).rejects.toMatchObject({ status: 404 });
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
