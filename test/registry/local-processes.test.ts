/** Version numbers taken by separate processes, as two CI jobs on one runner would. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalRegistry } from '../../src/registry/local/local-registry.ts';
import { tempDir, writeOutputs } from './fixtures.ts';

const script = `
import { collectVersionContent } from './src/registry/content.ts';
import { LocalRegistry } from './src/registry/local/local-registry.ts';
const [dir, out] = process.argv.slice(-2);
const content = await collectVersionContent({ outputDir: out, metricsFile: 'metrics.json', predictionsFile: 'predictions.csv' });
const version = await new LocalRegistry({ dir }).register({ model: 'churn', content, text: { task: null, description: null, intendedUse: null, limitations: null }, commit: null, runUrl: null });
process.stdout.write(String(version.version));
`;

function registerInProcess(dir: string, out: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', dir, out], { cwd: path.resolve('.'), stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}`))));
  });
}

describe('LocalRegistry across processes', () => {
  it('gives each of three racing processes its own version number', async () => {
    const dir = await tempDir();
    const outputs = await Promise.all([1, 2, 3].map(async (seed) => {
      const out = await tempDir('trainyard-output-');
      await writeOutputs(out, seed);
      return out;
    }));
    const numbers = await Promise.all(outputs.map((out) => registerInProcess(dir, out)));
    expect(numbers.map(Number).sort()).toEqual([1, 2, 3]);
    expect((await new LocalRegistry({ dir }).versions('churn')).map((version) => version.version)).toEqual([1, 2, 3]);
  });
});
