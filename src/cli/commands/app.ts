/**
 * `trainyard app create`: registers the team's own trainyard GitHub App from
 * app/app.yml with GitHub's manifest flow. It serves one page on 127.0.0.1 that posts
 * the manifest to GitHub; GitHub sends the browser back with a code, which is traded
 * for the App's credentials (written with mode 0600, never printed).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { findManifest, manifestPage, newAppUrl, readManifest, settingsUrl, type AppConversion } from '../../app/manifest.ts';
import { DEFAULT_API_URL, octokitFor } from '../github-client.ts';
import { docsUrl } from '../../workflows/refs.ts';
import type { CliIo } from '../io.ts';

interface CreateOptions {
  owner?: string;
  name?: string;
  webhookUrl?: string;
  out: string;
  port: string;
  githubUrl: string;
  printManifest?: boolean;
  timeout: string;
}

/** The web host that goes with an API root: https://api.github.com -> https://github.com. */
function githubUrlFor(apiUrl: string): string {
  return apiUrl === DEFAULT_API_URL ? 'https://github.com' : apiUrl.replace(/\/api\/v3\/?$/, '');
}

export function registerApp(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const app = program.command('app').description('The trainyard GitHub App: register your own from its manifest (app/app.yml).');
  app
    .command('create')
    .description('Register a trainyard GitHub App with GitHub\'s manifest flow: open the printed URL, confirm on GitHub, and the App\'s id, key and webhook secret are written to --out.')
    .option('--owner <org>', 'register the App on this organisation (default: your user account)')
    .option('--name <name>', 'the App\'s name, unique on GitHub (default: trainyard-<owner>, or trainyard-<random> for a user)')
    .option('--webhook-url <url>', 'where the App\'s server receives webhooks (https); omit when the App runs as the actions/app job')
    .option('-o, --out <dir>', 'where the credentials are written', '.trainyard/app')
    .option('--port <n>', 'the local port of the page that posts the manifest (0: any free port)', '0')
    .option('--github-url <url>', 'GitHub\'s web address (GitHub Enterprise Server: https://<host>)')
    .option('--timeout <seconds>', 'give up when GitHub has not sent the browser back by then', '900')
    .option('--print-manifest', 'print the manifest and the page it is posted to, and register nothing')
    .action(async (options: CreateOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port ${options.port}: expected a port number from 0 to 65535`);
      const timeout = Number(options.timeout);
      if (!(timeout > 0)) throw new UsageError(`--timeout ${options.timeout}: expected a positive number of seconds`);
      const apiUrl = io.env.GITHUB_API_URL || DEFAULT_API_URL;
      const githubUrl = (options.githubUrl ?? githubUrlFor(apiUrl)).replace(/\/+$/, '');
      const name = options.name ?? `trainyard-${options.owner ?? randomBytes(3).toString('hex')}`.slice(0, 34);
      const state = randomBytes(16).toString('hex');
      const file = findManifest();

      if (options.printManifest) {
        const manifest = await readManifest(file, { name, webhookUrl: options.webhookUrl, redirectUrl: `http://127.0.0.1:${port || 3000}/callback` });
        io.stdout(`POST ${newAppUrl(githubUrl, options.owner, '<state>')}\nmanifest=${JSON.stringify(manifest, null, 2)}\n`);
        setExit(0);
        return;
      }

      const received = new Promise<string>((resolve, reject) => {
        const server = createServer((request, response) => {
          const url = new URL(request.url ?? '/', 'http://127.0.0.1');
          if (url.pathname === '/') {
            const redirectUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
            readManifest(file, { name, webhookUrl: options.webhookUrl, redirectUrl }).then(
              (manifest) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(manifestPage(newAppUrl(githubUrl, options.owner, state), manifest)),
              (error: unknown) => response.writeHead(500).end(String(error)),
            );
            return;
          }
          if (url.pathname === '/callback' && url.searchParams.get('state') === state && url.searchParams.get('code')) {
            response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('GitHub registered the App; trainyard is saving its credentials. You can close this tab.\n');
            clearTimeout(timer);
            server.close();
            resolve(url.searchParams.get('code')!);
            return;
          }
          response.writeHead(url.pathname === '/callback' ? 400 : 404).end(url.pathname === '/callback' ? 'unexpected state or no code\n' : 'not found\n');
        });
        const timer = setTimeout(() => {
          server.close();
          reject(new UsageError(`app create: GitHub did not send the browser back within ${timeout} s; run it again and confirm the App on GitHub`));
        }, timeout * 1000);
        server.once('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(new UsageError(`--port ${port}: cannot listen on 127.0.0.1 (${error.code ?? error.message})`));
        });
        server.listen(port, '127.0.0.1', () => {
          const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
          io.stdout(`Open ${local} in a browser on this machine: it posts the manifest of "${name}" to ${newAppUrl(githubUrl, options.owner, '…').replace(/\?.*$/, '')}.\n`);
          io.stdout('Confirm the App there; GitHub then sends the browser back here. Waiting…\n');
        });
      });
      const code = await received;
      const octokit = octokitFor(io, undefined);
      const { data } = (await octokit.request('POST /app-manifests/{code}/conversions', { code })) as { data: AppConversion };
      const out = path.resolve(io.cwd, options.out);
      await mkdir(out, { recursive: true, mode: 0o700 });
      const keyFile = path.join(out, `${data.slug}.private-key.pem`);
      const envFile = path.join(out, `${data.slug}.env`);
      await writeFile(keyFile, data.pem, { mode: 0o600 });
      const env = [`APP_ID=${data.id}`, `PRIVATE_KEY_PATH=${keyFile}`, `WEBHOOK_SECRET=${data.webhook_secret ?? ''}`, `GITHUB_CLIENT_ID=${data.client_id}`, `GITHUB_CLIENT_SECRET=${data.client_secret}`, ''];
      await writeFile(envFile, env.join('\n'), { mode: 0o600 });
      const shown = (file: string) => path.relative(io.cwd, file) || file;
      io.stdout(
        [
          `Registered the GitHub App "${data.slug}" (id ${data.id}).`,
          `  credentials: ${shown(envFile)} and ${shown(keyFile)} (keep them out of git; .trainyard/ is git-ignored)`,
          `  settings:    ${settingsUrl(githubUrl, options.owner, data.slug)}`,
          `  install it:  ${data.html_url}/installations/new`,
          `Next: install it on your repositories, then run it (the server, Docker or the actions/app job): ${docsUrl('app.md')}`,
          '',
        ].join('\n'),
      );
      setExit(0);
    });
}
