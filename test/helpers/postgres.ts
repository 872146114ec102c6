/**
 * A throwaway PostgreSQL server for tests, from Debian's `postgresql` package
 * (/usr/lib/postgresql/<version>/bin): initdb into a temporary folder, started with
 * pg_ctl on a free port, listening on 127.0.0.1 only, trust authentication. PostgreSQL
 * refuses to run as root: as root the server runs as the `postgres` user the package
 * creates (through runuser). `startPostgres` returns null, with the reason, when the
 * binaries are not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

function binaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0]!, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function userIds(name: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const uid = Number((await run('id', ['-u', name])).stdout.trim());
    const gid = Number((await run('id', ['-g', name])).stdout.trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export const POSTGRES_MISSING = 'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)';

export async function startPostgres(): Promise<PostgresServer | null> {
  const bin = binaries();
  if (!bin) return null;
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await userIds('postgres') : null;
  if (asRoot && !owner) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
    await chmod(dir, 0o700);
  }
  const exec = (command: string, args: string[]) => (owner ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]) : run(path.join(bin, command), args));
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'trainyard', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  await exec('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    url: `postgres://trainyard@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
