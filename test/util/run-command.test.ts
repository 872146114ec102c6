import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/util/run-command.ts';

const TRAP = path.resolve('test/fixtures/train/trap-signals.mjs');

async function workDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'trainyard-cmd-'));
}

/** Resolves once both processes have started (their "ready" lines reached the log). */
function whenReady(onReady: () => void): (chunk: string) => void {
  let seen = '';
  return (chunk) => {
    seen += chunk;
    if (seen.includes('child ready') && seen.includes('grandchild ready')) {
      seen = '';
      onReady();
    }
  };
}

describe('runCommand', () => {
  it.each([[0], [3], [7], [42]])('passes the command\'s exit status %i through', async (status) => {
    const dir = await workDir();
    const outcome = await runCommand({ command: `echo before; exit ${status}`, cwd: dir, env: { PATH: process.env.PATH }, timeoutMs: 10_000, logFile: path.join(dir, 'train.log'), echo: () => {} });
    expect(outcome).toMatchObject({ exitCode: status, timedOut: false, cancelledBy: null });
    expect(await readFile(path.join(dir, 'train.log'), 'utf8')).toBe('before\n');
  });

  it('stops the whole process group at the timeout and keeps the partial log and outputs', async () => {
    const dir = await workDir();
    const outcome = await runCommand({ command: `node ${TRAP} ${dir}`, cwd: dir, env: { PATH: process.env.PATH }, timeoutMs: 1500, logFile: path.join(dir, 'train.log'), echo: () => {} });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.exitCode).not.toBe(0);
    expect(await readFile(path.join(dir, 'child.signal'), 'utf8')).toBe('SIGTERM');
    expect(await readFile(path.join(dir, 'grandchild.signal'), 'utf8')).toBe('SIGTERM');
    expect(await readFile(path.join(dir, 'train.log'), 'utf8')).toContain('child ready');
    expect(existsSync(path.join(dir, 'child.partial'))).toBe(true);
  });

  it.each([['SIGTERM'], ['SIGINT']] as const)('forwards %s it receives to the command\'s process group and keeps partial logs', async (signal) => {
    const dir = await workDir();
    const outcome = await runCommand({
      command: `node ${TRAP} ${dir}`,
      cwd: dir,
      env: { PATH: process.env.PATH },
      timeoutMs: 60_000,
      logFile: path.join(dir, 'train.log'),
      echo: whenReady(() => process.kill(process.pid, signal)),
    });
    expect(outcome.cancelledBy).toBe(signal);
    expect(outcome.timedOut).toBe(false);
    expect(outcome.exitCode).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(await readFile(path.join(dir, 'child.signal'), 'utf8')).toBe(signal);
    expect(await readFile(path.join(dir, 'grandchild.signal'), 'utf8')).toBe(signal);
    const log = await readFile(path.join(dir, 'train.log'), 'utf8');
    expect(log).toContain('child ready');
    expect(log).toContain('grandchild ready');
    expect(await readFile(path.join(dir, 'grandchild.partial'), 'utf8')).toBe('epoch 1 of 100\n');
  });
});
