import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCANNED } from '../../scripts/check-imports.ts';
import { buildImportGraph, checkImportGraph, describeProblems, folderGraph, relativeSpecifiers } from '../../scripts/import-graph.ts';

const roots: string[] = [];

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'import-graph-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

const DIRS = ['src', 'app', 'scripts', 'bench'];

describe('relativeSpecifiers', () => {
  it('reads static, type-only, re-exported, dynamic and import-type specifiers, and leaves packages out', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "import path from 'node:path';",
      "const d = await import('./d.ts');",
      "let e: import('./e.ts').E;",
      "const f = await import(someVariable);",
      "// import { g } from './g.ts';",
    ].join('\n');
    expect(relativeSpecifiers('x.ts', source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts']);
  });
});

describe('checkImportGraph', () => {
  it('passes a tree whose imports point down', async () => {
    const root = await tree({
      'src/util/format.ts': 'export const f = 1;\n',
      'src/metrics/compare.ts': "import { f } from '../util/format.ts';\nexport const c = f;\n",
      'src/report/comment.ts': "import { c } from '../metrics/compare.ts';\nimport { f } from '../util/format.ts';\nexport const r = c + f;\n",
      'app/index.ts': "import { r } from '../src/report/comment.ts';\nexport default r;\n",
    });
    const graph = buildImportGraph(root, DIRS);
    expect(graph.get('src/report/comment.ts')).toEqual(new Set(['src/metrics/compare.ts', 'src/util/format.ts']));
    expect(describeProblems(checkImportGraph(graph))).toEqual([]);
  });

  it('finds a file cycle, type-only imports included, and names its path', async () => {
    const root = await tree({
      'src/data/engine.ts': "import { rows } from './row-numbers.ts';\nexport class Engine { n = rows; }\n",
      'src/data/row-numbers.ts': "import type { Engine } from './engine.ts';\nexport const rows = 1;\nexport type E = Engine;\n",
    });
    const problems = checkImportGraph(buildImportGraph(root, DIRS));
    expect(problems.fileCycles.map(({ files }) => files)).toEqual([['src/data/engine.ts', 'src/data/row-numbers.ts', 'src/data/engine.ts']]);
    expect(describeProblems(problems)).toEqual(['file import cycle: src/data/engine.ts -> src/data/row-numbers.ts -> src/data/engine.ts']);
  });

  it('finds a cycle among src/ folders that no file cycle shows, with the imports that make it', async () => {
    const root = await tree({
      'src/metrics/compare.ts': "import { PREFIX } from '../report/run-report.ts';\nexport const c = PREFIX;\n",
      'src/report/run-report.ts': "export const PREFIX = 'baseline_';\n",
      'src/report/comment.ts': "import { c } from '../metrics/compare.ts';\nexport const r = c;\n",
    });
    const problems = checkImportGraph(buildImportGraph(root, DIRS));
    expect(problems.fileCycles).toEqual([]);
    expect(describeProblems(problems)).toEqual([
      'src/ folder cycle: metrics -> report -> metrics (src/metrics/compare.ts imports src/report/run-report.ts; src/report/comment.ts imports src/metrics/compare.ts)',
    ]);
  });

  it('names the rest of a strongly connected set when the shortest cycle misses part of it', async () => {
    const root = await tree({
      'src/a/a.ts': "import '../b/b.ts';\nimport '../c/c.ts';\n",
      'src/b/b.ts': "import '../a/a.ts';\n",
      'src/c/c.ts': "import '../d/d.ts';\n",
      'src/d/d.ts': "import '../a/a.ts';\n",
    });
    const [cycle] = checkImportGraph(buildImportGraph(root, DIRS)).folderCycles;
    expect(cycle?.folders).toEqual(['a', 'b', 'a']);
    expect(cycle?.members).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails every import of test/ from outside test/, type-only ones included', async () => {
    const root = await tree({
      'app/sandbox/serve.ts': "import type { Simulator } from '../../test/sim/index.ts';\nexport type S = Simulator;\n",
      'bench/app.ts': "import { helper } from '../test/helpers/cli.ts';\nexport const h = helper;\n",
      'sim/index.ts': "import { x } from '../src/x.ts';\nexport type Simulator = typeof x;\n",
      'test/sim/index.ts': "import { x } from '../../src/x.ts';\nexport type Simulator = typeof x;\n",
      'test/sim/use.ts': "import type { Simulator } from '../../sim/index.ts';\nexport type S = Simulator;\n",
      'src/x.ts': 'export const x = 1;\n',
    });
    const graph = buildImportGraph(root, [...DIRS, 'sim', 'test']);
    expect(describeProblems(checkImportGraph(graph))).toEqual([
      'app/sandbox/serve.ts imports test/sim/index.ts: nothing outside test/ may import test/',
      'bench/app.ts imports test/helpers/cli.ts: nothing outside test/ may import test/',
    ]);
  });
});

describe("the project's own tree", () => {
  it('keeps every rule, the GitHub simulator in sim/ included', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const graph = buildImportGraph(root, SCANNED);
    expect([...graph.keys()]).toContain('sim/index.ts');
    expect(describeProblems(checkImportGraph(graph))).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  it('lists every src/ folder once, each above every folder it imports', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const doc = await readFile(path.join(root, 'docs/architecture.md'), 'utf8');
    const layout = doc.slice(doc.indexOf('## Layout'), doc.indexOf('## Where does X live'));
    const listed = [...layout.matchAll(/^ {2}([a-z-]+\/|[a-z-]+\.ts) /gm)].map(([, name]) => name!.replace(/\/$/, ''));
    const folders = folderGraph(buildImportGraph(root, SCANNED));
    expect([...listed].sort()).toEqual([...folders.keys()].sort());
    const upward = [...folders].flatMap(([from, targets]) => [...targets].filter((to) => listed.indexOf(to) < listed.indexOf(from)).map((to) => `${from} -> ${to}`));
    expect(upward).toEqual([]);
  });
});
