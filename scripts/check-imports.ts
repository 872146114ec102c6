// npm run check's imports step: no file import cycle, no cycle among the folders of src/,
// and nothing outside test/ importing test/.
import { fileURLToPath } from 'node:url';
import { buildImportGraph, checkImportGraph, describeProblems } from './import-graph.ts';

export const SCANNED = ['src', 'sim', 'app', 'scripts', 'bench'] as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const graph = buildImportGraph(root, SCANNED);
  const problems = describeProblems(checkImportGraph(graph));
  for (const line of problems) process.stderr.write(`${line}\n`);
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.size, 0);
  process.stdout.write(`imports: ${graph.size} files, ${edges} imports, ${problems.length} problem(s)\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}
