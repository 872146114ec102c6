// npm run check's imports step: no file import cycle, no cycle among the folders of src/,
// and nothing outside test/ importing test/ except the allowances below, which must
// match the imports that exist exactly.
import { fileURLToPath } from 'node:url';
import { buildImportGraph, checkImportGraph, describeProblems, type ImportEdge } from './import-graph.ts';

export const SCANNED = ['src', 'app', 'scripts', 'bench'] as const;

/** The sandbox and the tools around it run the GitHub simulator, which lives in test/sim. */
export const ALLOWED_TEST_IMPORTS: readonly ImportEdge[] = [
  { from: 'app/sandbox/actions-mode.ts', to: 'test/sim/executor/executor.ts' },
  { from: 'app/sandbox/actions-mode.ts', to: 'test/sim/index.ts' },
  { from: 'app/sandbox/attacks.ts', to: 'test/sim/index.ts' },
  { from: 'app/sandbox/ledger.ts', to: 'test/sim/index.ts' },
  { from: 'app/sandbox/lifecycle.ts', to: 'test/sim/executor/executor.ts' },
  { from: 'app/sandbox/lifecycle.ts', to: 'test/sim/index.ts' },
  { from: 'app/sandbox/serve.ts', to: 'test/sim/index.ts' },
  { from: 'bench/app-github.ts', to: 'test/sim/index.ts' },
  { from: 'scripts/generate-sim-openapi.ts', to: 'test/sim/generate.ts' },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const graph = buildImportGraph(root, SCANNED);
  const problems = describeProblems(checkImportGraph(graph, ALLOWED_TEST_IMPORTS));
  for (const line of problems) process.stderr.write(`${line}\n`);
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.size, 0);
  process.stdout.write(`imports: ${graph.size} files, ${edges} imports, ${problems.length} problem(s)\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}
