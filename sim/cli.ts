/**
 * Runs the GitHub simulator until interrupted:
 *
 *   npx tsx sim/cli.ts [--port 3300] [--seed seed.json] [--rate-limit 5000]
 *
 * Prints one JSON line with the API and uploads URLs and the seeded credentials
 * (App private keys are written to files beside each other in a temporary folder). On
 * Ctrl-C it prints every violation it recorded and exits 1 if there were any.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applySeedFile, type SeedFile } from './seed-file.ts';
import { startSimulator } from './simulator.ts';
import { formatViolation } from './violations.ts';

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, seed: { type: 'string' }, 'rate-limit': { type: 'string' } },
  strict: true,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port '${values.port}': expected an integer from 0 to 65535`);
const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) fail(`--rate-limit '${values['rate-limit']}': expected a positive integer`);
let seedFile: SeedFile = {};
if (values.seed) {
  try {
    seedFile = JSON.parse(readFileSync(values.seed, 'utf8')) as SeedFile;
  } catch (error) {
    fail(`--seed ${values.seed}: expected a readable JSON seed file (${error instanceof Error ? error.message : String(error)})`);
  }
}

const sim = await startSimulator({ port, ...(rateLimit ? { rateLimit } : {}) });
let summary;
try {
  summary = applySeedFile(sim, seedFile);
} catch (error) {
  await sim.close();
  fail(`--seed ${values.seed}: ${error instanceof Error ? error.message : String(error)}`);
}
const keyDir = mkdtempSync(join(tmpdir(), 'github-sim-keys-'));
const apps = summary.apps.map(({ privateKey, ...app }) => {
  const privateKeyPath = join(keyDir, `${app.slug}.pem`);
  writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
  return { ...app, privateKeyPath };
});
process.stdout.write(`${JSON.stringify({ url: sim.url, uploadsUrl: sim.uploadsUrl, users: summary.users, repos: summary.repos, apps })}\n`);

process.once('SIGINT', () => {
  const violations = sim.takeViolations();
  for (const v of violations) process.stderr.write(`${formatViolation(v)}\n`);
  void sim.close().then(() => process.exit(violations.length > 0 ? 1 : 0));
});
