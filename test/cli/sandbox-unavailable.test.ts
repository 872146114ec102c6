/**
 * `trainyard sandbox` outside a checkout: the published bundle leaves the simulator
 * out, so the command says in one line where to run it (exit 2), and the bundle never
 * contains the sandbox or the simulator.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { findCheckout, loadSandbox } from '../../src/cli/sandbox-loader.ts';

const exec = promisify(execFile);

it('finds the checkout from below it, and nothing from outside one', async () => {
  expect(findCheckout(path.resolve('src/cli/commands'))).toBe(path.resolve('.'));
  const outside = await mkdtemp(path.join(tmpdir(), 'trainyard-nocheckout-'));
  expect(findCheckout(outside)).toBeNull();
  await expect(loadSandbox(outside)).rejects.toThrow(UsageError);
});

it('the bundled CLI outside a checkout exits 2 with one line, and its files hold no simulator', async () => {
  const dist = await mkdtemp(path.join(tmpdir(), 'trainyard-bundle-'));
  await exec(process.execPath, ['scripts/build.mjs', '--outdir', dist]);
  await symlink(path.resolve('node_modules'), path.join(dist, 'node_modules'));
  const failed = await exec(process.execPath, [path.join(dist, 'trainyard.js'), 'sandbox', '--scenario', 'lifecycle'], { cwd: dist }).then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
  expect(failed).toMatchObject({ code: 2, stdout: '' });
  expect(failed!.stderr).toMatch(/^trainyard: sandbox: the GitHub simulator is not part of this installation; run it from a checkout of trainyard with its dev dependencies installed: npm run sandbox/);
  expect(failed!.stderr.trim().split('\n')).toHaveLength(1);
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js'));
  for (const file of files) {
    const text = await readFile(path.join(dist, file), 'utf8');
    expect(text, file).not.toContain('startSimulator');
    expect(text, file).not.toContain('prepareExample');
  }
}, 30_000);
