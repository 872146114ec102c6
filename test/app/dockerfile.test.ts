/**
 * app/Dockerfile, read as a user relies on it (no Docker engine runs here): pinned
 * bases, a non-root user, only repository files copied in, the entry point the build
 * produces, Probot's port, a health check on /ping, /metrics, no secret baked in. Then the image's
 * runtime layout is rebuilt in a temporary folder (the bundle without node_modules) and
 * the HEALTHCHECK command itself is run against it.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appKey } from './harness.ts';
import { assignments, copyOf, parseDockerfile, type Stage } from './dockerfile.ts';

const exec = promisify(execFile);
const text = await readFile('app/Dockerfile', 'utf8');
const stages = parseDockerfile(text);
const runtime = stages.at(-1)!;
const build = stages.find((s) => s.name === 'build')!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const ignore = (await readFile('app/Dockerfile.dockerignore', 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const execForm = (args: string): string[] => JSON.parse(args) as string[];

describe('app/Dockerfile', () => {
  it('builds in one stage and runs in another, each from a Node 24 slim image pinned by version', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', null]);
    for (const stage of stages) expect(stage.from).toMatch(/^node:24\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
    expect(all(build, 'RUN').map((r) => r.args)).toContain('npm ci --no-audit --no-fund --ignore-scripts');
    expect(all(runtime, 'RUN')).toEqual([]);
  });

  it('copies into the build only repository files that exist and that the ignore file lets through', () => {
    const copies = stages.flatMap((s) => all(s, 'COPY').map((c) => copyOf(c.args))).filter((c) => c.from === null);
    expect(copies.length).toBeGreaterThan(0);
    for (const source of copies.flatMap((c) => c.sources)) {
      expect(existsSync(source), source).toBe(true);
      expect(ignore.some((rule) => rule === `!${source}` || rule === `!${source}/**`), `${source} is ignored by app/Dockerfile.dockerignore`).toBe(true);
    }
  });

  it('runs the bundle of app/server.ts that the build stage produces', async () => {
    expect(execForm(all(runtime, 'CMD')[0]!.args)).toEqual(['node', 'app.js']);
    const workdir = all(runtime, 'WORKDIR').at(-1)!.args;
    const copied = all(runtime, 'COPY').map((c) => copyOf(c.args));
    expect(copied).toContainEqual({ from: 'build', sources: ['/src/dist/app.js'], dest: './app.js' });
    expect(copied.every((c) => c.from === 'build')).toBe(true);
    expect(workdir).toBe('/opt/trainyard');
    expect(all(build, 'RUN').map((r) => r.args)).toContain('node scripts/build.mjs --outdir /src/dist');
    const script = await readFile('scripts/build.mjs', 'utf8');
    const entry = /\bapp: '([^']+)'/.exec(script)?.[1];
    expect(entry).toBe('app/server.ts');
    expect(existsSync(entry!)).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = all(runtime, 'USER').map((u) => u.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const cmd = all(runtime, 'CMD')[0]!;
    expect(all(runtime, 'USER').at(-1)!.line).toBeLessThan(cmd.line);
  });

  it("exposes Probot's default port, the one app/server.ts listens on", async () => {
    const probotServer = await readFile('node_modules/probot/lib/server/server.js', 'utf8');
    const probotPort = /port: options\.port \|\| (\d+)/.exec(probotServer)?.[1];
    const serverPort = /process\.env\.PORT \?\? (\d+)/.exec(await readFile('app/server.ts', 'utf8'))?.[1];
    expect(probotPort).toBe('3000');
    expect(all(runtime, 'EXPOSE').map((e) => e.args)).toEqual([probotPort]);
    expect(serverPort).toBe(probotPort);
    expect(Object.fromEntries(all(runtime, 'ENV').flatMap((e) => assignments(e.args))).PORT).toBe(probotPort);
  });

  it('bakes in no secret: none set by ENV or ARG, no key copied, keys and .env files ignored', () => {
    const keys = stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG').flatMap((i) => assignments(i.args)).map(([k]) => k));
    expect(keys.filter((k) => /KEY|SECRET|TOKEN|PASSWORD|APP_ID/i.test(k))).toEqual([]);
    expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    for (const copy of stages.flatMap((s) => all(s, 'COPY'))) expect(copy.args).not.toMatch(/\.pem|\.env\b/);
    expect(ignore).toEqual(expect.arrayContaining(['**/*.pem', '**/.env']));
  });

  it('checks health on /ping, and the bundle laid out as in the image answers it', async () => {
    const healthcheck = all(runtime, 'HEALTHCHECK')[0]!.args;
    const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD') + 3).trim());
    expect(command.join(' ')).toContain('/ping');

    const built = await mkdtemp(path.join(tmpdir(), 'trainyard-app-dist-'));
    await exec(process.execPath, ['scripts/build.mjs', '--outdir', built]);
    const image = await mkdtemp(path.join(tmpdir(), 'trainyard-app-image-'));
    for (const copy of all(runtime, 'COPY').map((c) => copyOf(c.args))) {
      const source = path.join(built, path.relative('/src/dist', copy.sources[0]!));
      await mkdir(path.dirname(path.join(image, copy.dest)), { recursive: true });
      await cp(source, path.join(image, copy.dest), { recursive: true });
    }
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, PORT: String(port), APP_ID: '1', PRIVATE_KEY: appKey(), WEBHOOK_SECRET: 'test', LOG_LEVEL: 'warn' };
    const server = spawn(process.execPath, execForm(all(runtime, 'CMD')[0]!.args).slice(1), { cwd: image, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      let healthy = false;
      for (let i = 0; i < 50 && !healthy; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        healthy = await exec(command[0] === 'node' ? process.execPath : command[0]!, command.slice(1), { env }).then(() => true, () => false);
      }
      expect(healthy, stderr).toBe(true);
      const notFound = await fetch(`http://127.0.0.1:${port}/`);
      expect(notFound.status).toBe(404);
      const unsigned = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': '1' }, body: '{}' });
      expect(unsigned.status).toBe(400);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await metrics.text();
      expect(text).toContain('# TYPE trainyard_app_webhook_deliveries_total counter');
      expect(text).toContain('# TYPE trainyard_app_handler_duration_seconds histogram');
      expect(text).toContain('# TYPE trainyard_app_github_rate_limit_remaining gauge');
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    } finally {
      server.kill();
    }
  }, 30_000);
});
