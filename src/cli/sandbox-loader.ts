/**
 * Finds and loads the sandbox (app/sandbox/api.ts) of a trainyard checkout. The sandbox
 * needs the GitHub simulator (sim/) and the dev dependencies behind it, which the
 * published bundle leaves out on purpose; so the CLI looks for a checkout above its own
 * file and imports the sandbox by a computed path that esbuild does not follow.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from '../errors.ts';

/**
 * What the CLI calls in app/sandbox/api.ts, declared here rather than imported: the
 * sandbox runs the CLI, so the CLI must not depend on it. test/app/sandbox-attacks.test.ts
 * holds the sandbox's exports to this shape.
 */
export interface SandboxModule {
  runLifecycle(options: { faults: number; seed: number }): Promise<SandboxLifecycleReport>;
  LifecycleError: new (message: string) => Error;
  summarise(report: SandboxLifecycleReport): string;
  renderCheck(check: SandboxLifecycleReport['check']): string;
  runAttacks(): Promise<SandboxAttacksReport>;
  summariseAttacks(report: SandboxAttacksReport): string;
}

/** The part of the lifecycle's report the CLI reads; it prints the rest as JSON. */
export interface SandboxLifecycleReport {
  comment: { body: string };
  check: object;
}

export interface SandboxAttacksReport {
  cases: Array<{ name: string; refused: boolean; evidence: string }>;
}

const ENTRY = path.join('app', 'sandbox', 'api.ts');
const SIMULATOR = path.join('sim', 'index.ts');
const ADVICE = 'run it from a checkout of trainyard with its dev dependencies installed: npm run sandbox, or npx tsx src/cli/bin.ts sandbox --scenario lifecycle';

/** The checkout holding the sandbox and the simulator, searched upwards from `from`; null when there is none. */
export function findCheckout(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ENTRY)) && existsSync(path.join(dir, SIMULATOR))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

export async function loadSandbox(from = path.dirname(fileURLToPath(import.meta.url))): Promise<SandboxModule> {
  const root = findCheckout(from);
  if (!root) throw new UsageError(`sandbox: the GitHub simulator is not part of this installation; ${ADVICE}`);
  const specifier = pathToFileURL(path.join(root, ENTRY)).href;
  try {
    await registerTypeScript(root);
    return (await import(specifier)) as SandboxModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`sandbox: cannot load ${path.join(root, ENTRY)} (${code}); ${ADVICE}`);
  }
}

/**
 * The bundled CLI (dist/trainyard.js) runs on plain Node, which cannot import the
 * sandbox's TypeScript: it registers the checkout's tsx loader first. Under tsx (tests,
 * `npx tsx src/cli/bin.ts`) TypeScript already loads and nothing is registered.
 */
async function registerTypeScript(root: string): Promise<void> {
  if (import.meta.url.endsWith('.ts')) return;
  // The package's `import` entry: its CommonJS twin cannot register the ESM loader.
  const manifest = createRequire(path.join(root, 'package.json')).resolve('tsx/package.json');
  const { exports } = JSON.parse(await readFile(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = path.join(path.dirname(manifest), exports['./esm/api']!.import.default);
  const { register } = (await import(pathToFileURL(api).href)) as { register: () => unknown };
  register();
}
