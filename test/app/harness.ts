/** The App's test flows: a repository seeded for the App, the App served on the simulator, and registry helpers. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { writeOutputs } from '../registry/fixtures.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Octokit } from '@octokit/rest';
import { serveApp as serveAppOn, type ServedApp, type ServeOptions as SandboxServeOptions } from '../../app/sandbox/serve.ts';
import { collectVersionContent } from '../../src/registry/content.ts';
import { GitHubReleasesRegistry } from '../../src/registry/github/github-registry.ts';
import { afterEach } from 'vitest';
import type { Simulator } from '../../sim/index.ts';
import { useSimulator } from '../sim/vitest.ts';

export const SECRET = 'app-test-secret';
export const REPO = 'acme/models';

export const CONFIG = `version: 1
models:
  churn:
    task: binary
    data: { train: data/train.csv }
    training: { command: node train.mjs }
    metrics:
      policy:
        roc_auc: { greater_is_better: true, threshold: 0.6, min_absolute_change: 0.002 }
    promotion: { environment: production, required_approvals: 1 }
`;

const WORKFLOW = (name: string, on: string) => `name: ${name}\non: ${on}\njobs: {}\n`;

export function seedRepo(sim: Simulator, config = CONFIG): void {
  sim.seed.repo({
    fullName: REPO,
    private: false,
    files: {
      '.github/trainyard.yml': config,
      '.github/workflows/trainyard-pr.yml': WORKFLOW('trainyard pr', 'pull_request'),
      '.github/workflows/trainyard-release.yml': WORKFLOW('trainyard release', 'push'),
      '.github/workflows/trainyard-drift.yml': WORKFLOW('trainyard drift', 'schedule'),
      '.github/workflows/trainyard-retrain.yml': 'name: trainyard retrain\non:\n  workflow_dispatch:\n    inputs:\n      model: { type: string }\n      reason: { type: string }\n      data-snapshot: { type: string }\njobs: {}\n',
    },
    collaborators: { alice: 'write', bob: 'write', carol: 'write' },
  });
}

let sharedKey: string | undefined;
/** One RSA key for every App a test process seeds: generating a 2048-bit key costs a second. */
export function appKey(): string {
  sharedKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return sharedKey;
}

/**
 * The test file's simulator, and `serve()` to start the App on it in a test; after each
 * test the webhooks in flight are drained and the App is closed.
 */
export function useServedApp(): { sim: () => Simulator; serve: (options?: ServeOptions) => Promise<ServedApp> } {
  const sim = useSimulator();
  let app: ServedApp | undefined;
  afterEach(async () => {
    await sim().webhooks.idle();
    await app?.close();
    app = undefined;
  });
  return { sim, serve: async (options = {}) => (app = await serveApp(sim(), options)) };
}

export type ServeOptions = Pick<SandboxServeOptions, 'replicas' | 'deps'>;

/** The real App served over HTTP (app/sandbox/serve.ts), as a test wants it: no retries, logs off unless APP_LOG_LEVEL says. */
export function serveApp(sim: Simulator, options: ServeOptions = {}): Promise<ServedApp> {
  return serveAppOn(sim, SECRET, 'acme', { ...options, privateKey: appKey(), retries: false, logLevel: (process.env.APP_LOG_LEVEL ?? 'fatal') as 'fatal' });
}

export function ownerOctokit(sim: Simulator): Octokit {
  return new Octokit({ auth: sim.seed.user({ login: 'acme' }).token, baseUrl: sim.url });
}

/**
 * The trainyard App's own client (its installation token), as the App's registrations and
 * records are made; the owner's when no App is served yet.
 */
export function appOctokit(sim: Simulator): Octokit {
  const app = [...sim.state.apps.values()].find((a) => a.slug === 'trainyard');
  const installation = app && [...sim.state.installations.values()].find((i) => i.appId === app.id);
  if (!installation) return ownerOctokit(sim);
  return new Octokit({ auth: sim.seed.installationToken({ installationId: installation.id }), baseUrl: sim.url });
}

/**
 * The registry as trainyard's trusted path writes it, through the App's installation
 * (its promotion records attested), and as the App reads it: only what GitHub attests.
 */
export function registry(sim: Simulator): GitHubReleasesRegistry {
  const served = [...sim.state.apps.values()].some((a) => a.slug === 'trainyard');
  const trust = served ? { trust: { appBot: 'trainyard[bot]', releaseWorkflow: '.github/workflows/trainyard-release.yml', releaseBranch: null }, attestRecords: true } : {};
  return new GitHubReleasesRegistry({ octokit: appOctokit(sim), owner: 'acme', repo: 'models', ...trust });
}

/** Registers a version of `churn` with these metrics, trained from `commit`. */
export async function registerVersion(sim: Simulator, metrics: Record<string, number>, commit: string): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-app-'));
  await writeOutputs(dir, Math.round(metrics.roc_auc! * 1000));
  await writeFile(path.join(dir, 'metrics.json'), JSON.stringify(metrics));
  const content = await collectVersionContent({ outputDir: dir, metricsFile: 'metrics.json', predictionsFile: 'predictions.csv' });
  const version = await registry(sim).register({ model: 'churn', content, text: { task: 'binary', description: null, intendedUse: null, limitations: null }, commit, runUrl: null });
  return version.version;
}

export function pipelineArtifact(metrics: Record<string, number>, extra: { path: string; content: string }[] = []) {
  return [{ name: 'trainyard-churn', files: [{ path: 'metrics.json', content: JSON.stringify(metrics) }, { path: 'predictions.csv', content: 'id,label,score\n1,1,0.9\n' }, ...extra] }];
}

export const comments = (sim: Simulator) => sim.state.repo(REPO)!.comments;
export const checks = (sim: Simulator, name: string) => sim.state.repo(REPO)!.checkRuns.filter((c) => c.name === name);
