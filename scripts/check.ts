// npm run check: lint, types, imports (no cycles, nothing importing test/), workflows
// (actionlint and the workflow rules), and every generated file current.
import { spawnSync } from 'node:child_process';

const steps: Array<[string, string[]]> = [
  ['types', ['npx', 'tsc', '--noEmit']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings', '0']],
  ['imports', ['npx', 'tsx', 'scripts/check-imports.ts']],
  ['workflows', ['npx', 'tsx', 'scripts/actionlint.ts']],
  ['workflow rules', ['npx', 'vitest', 'run', 'test/workflows/rules.test.ts', 'test/workflows/reusable.test.ts', 'test/workflows/cli-invocations.test.ts']],
  ['bundle', ['node', 'scripts/build.mjs', '--check']],
  ['generated files', ['npx', 'tsx', 'scripts/generate.ts', '--check']],
  ['simulator API slice', ['npx', 'tsx', 'scripts/generate-sim-openapi.ts', '--check']],
];

let failed = 0;
for (const [name, [command, ...args]] of steps) {
  process.stdout.write(`check: ${name}\n`);
  const result = spawnSync(command!, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`check: ${name} FAILED\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
