import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ATTACKS } from '../../app/sandbox/attacks.ts';

const exec = promisify(execFile);

/**
 * A GPU runner may hold only the bundle (dist/ without its DuckDB install): commands that
 * read no data must run there, and the ones that do must say what is missing.
 */
describe('the committed bundle without node_modules', () => {
  async function bundleOnly(): Promise<{ bin: string; project: string }> {
    const root = await mkdtemp(path.join(tmpdir(), 'trainyard-bundle-'));
    await cp('dist', path.join(root, 'dist'), { recursive: true, filter: (source) => !source.split(path.sep).includes('node_modules') });
    const project = path.join(root, 'flight-delays');
    await cp('examples/flight-delays', project, { recursive: true, filter: (source) => !source.includes('.trainyard') });
    return { bin: path.join(root, 'dist', 'trainyard.js'), project };
  }

  it('trains the example with no DuckDB installed', async () => {
    const { bin, project } = await bundleOnly();
    const out = path.join(project, 'out');
    await exec(process.execPath, [bin, 'train', '--out', out], { cwd: project });
    const metrics = JSON.parse(await readFile(path.join(out, 'metrics.json'), 'utf8')) as Record<string, number>;
    expect(metrics.roc_auc).toBeGreaterThan(0.6);
    const lineage = JSON.parse(await readFile(path.join(out, 'lineage.json'), 'utf8')) as { exitStatus: number };
    expect(lineage.exitStatus).toBe(0);
  });

  it('refuses a command that reads data in one line, exit 2', async () => {
    const { bin, project } = await bundleOnly();
    const failure = await exec(process.execPath, [bin, 'validate', '--data', 'data/train.csv', '--schema', 'data/schema.yml'], { cwd: project }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^trainyard: DuckDB \(@duckdb\/node-api\) could not be loaded: .*install it with `npm ci` or the trainyard setup action\n$/);
  });
});

describe('the committed bundle in a checkout', () => {
  // The lifecycle itself is played in test/app/sandbox.test.ts; here the bundle must find the
  // checkout, load its TypeScript sandbox through the checkout's tsx and print its summary.
  it('replays the attacks scenario (it loads the TypeScript simulator through the checkout\'s tsx)', async () => {
    const { stdout, stderr } = await exec(process.execPath, ['dist/trainyard.js', 'sandbox', '--scenario', 'attacks']);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    const total = lines.filter((line) => line.startsWith('refused ')).length;
    expect(total).toBe(ATTACKS.length);
    expect(lines.filter((line) => line.startsWith('NOT REFUSED'))).toEqual([]);
    expect(lines.at(-1)).toBe(`${total} of ${total} attacks refused`);
  }, 300_000);
});
