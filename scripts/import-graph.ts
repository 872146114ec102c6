/**
 * The project's import graph: every relative import of the TypeScript files under the
 * given folders, read with TypeScript's own parser, and the three rules the tree keeps
 * (no file cycle, no cycle among the folders of src/, nothing outside test/ importing
 * test/). Type-only imports count: a layer that needs another's types
 * depends on it as much as one that calls it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** File → the files it imports; paths are relative to the root, with forward slashes. */
export type ImportGraph = Map<string, Set<string>>;

/** One import: the file that imports and the file it imports. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** A cycle among src/ folders, with one file import that makes each of its steps. */
export interface FolderCycle {
  /** Every folder of the strongly connected set the cycle runs through. */
  members: string[];
  folders: string[];
  witnesses: ImportEdge[];
}

/** A cycle of files, and every file of the strongly connected set it runs through. */
export interface FileCycle {
  members: string[];
  files: string[];
}

export interface ImportProblems {
  fileCycles: FileCycle[];
  folderCycles: FolderCycle[];
  testImports: ImportEdge[];
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist']);

/** The relative module specifiers a source file imports, exports from, or imports dynamically with a literal. */
export function relativeSpecifiers(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'));
}

function listTypeScript(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    const child = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : listTypeScript(root, child);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [child] : [];
  });
}

/** The import graph of every .ts file under `dirs` (folders relative to `root`). Imports of non-TypeScript files are left out. */
export function buildImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of dirs.flatMap((dir) => listTypeScript(root, dir)).sort()) {
    const targets = new Set<string>();
    for (const specifier of relativeSpecifiers(file, readFileSync(path.join(root, file), 'utf8'))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (target.endsWith('.ts')) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The cycles of a graph, one per strongly connected component of more than one node (or
 * a node importing itself): the component's members, and a shortest path from its first
 * member back to itself.
 */
export function findCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): Array<{ members: string[]; cycle: string[] }> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  // Tarjan's algorithm, iterative so that a long chain cannot overflow the call stack.
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: Iterator<string> }> = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(graph.get(node) ?? [])].sort()[Symbol.iterator]() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const target = step.value;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || graph.get(frame.node)?.has(frame.node)) components.push(component.sort());
    }
  }
  return components
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((members) => ({ members, cycle: cycleThrough(graph, members) }));
}

/** A shortest cycle from the component's first node back to itself, staying inside the component. */
function cycleThrough(graph: ReadonlyMap<string, ReadonlySet<string>>, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const cycle = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = previous.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** The folder of a file under src/ (its first path segment there), or the file itself when it sits in src/; null outside src/. */
export function srcFolder(file: string): string | null {
  if (!file.startsWith('src/')) return null;
  const [first] = file.slice('src/'.length).split('/');
  return first!;
}

/** src/ folder → the other src/ folders its files import. */
export function folderGraph(graph: ImportGraph): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = srcFolder(file);
    if (from === null) continue;
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of targets) {
      const to = srcFolder(target);
      if (to !== null && to !== from) edges.add(to);
    }
  }
  return folders;
}

const inTest = (file: string): boolean => file.startsWith('test/');

/** Every import from a file outside test/ into test/. */
export function testImports(graph: ImportGraph): ImportEdge[] {
  const found: ImportEdge[] = [];
  for (const [from, targets] of graph) {
    if (inTest(from)) continue;
    for (const to of targets) if (inTest(to)) found.push({ from, to });
  }
  return found.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function witness(graph: ImportGraph, fromFolder: string, toFolder: string): ImportEdge {
  for (const [from, targets] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    if (srcFolder(from) !== fromFolder) continue;
    const to = [...targets].sort().find((target) => srcFolder(target) === toFolder);
    if (to) return { from, to };
  }
  throw new Error(`no import from src/${fromFolder} into src/${toFolder}`);
}

/** Checks the three rules. */
export function checkImportGraph(graph: ImportGraph): ImportProblems {
  return {
    fileCycles: findCycles(graph).map(({ members, cycle }) => ({ members, files: cycle })),
    folderCycles: findCycles(folderGraph(graph)).map(({ members, cycle }) => ({
      members,
      folders: cycle,
      witnesses: cycle.slice(1).map((to, i) => witness(graph, cycle[i]!, to)),
    })),
    testImports: testImports(graph),
  };
}

/** One line per problem, empty when the graph keeps every rule. */
export function describeProblems(problems: ImportProblems): string[] {
  return [
    ...problems.fileCycles.map(({ members, files }) => `file import cycle: ${files.join(' -> ')}${among(members, files)}`),
    ...problems.folderCycles.map(
      ({ members, folders, witnesses }) =>
        `src/ folder cycle: ${folders.join(' -> ')} (${witnesses.map(({ from, to }) => `${from} imports ${to}`).join('; ')})${among(members, folders)}`,
    ),
    ...problems.testImports.map(({ from, to }) => `${from} imports ${to}: nothing outside test/ may import test/`),
  ];
}

/** Names the rest of a strongly connected set when the cycle shown does not pass through all of it. */
function among(members: string[], cycle: string[]): string {
  const others = members.filter((member) => !cycle.includes(member));
  return others.length === 0 ? '' : `; the cycles run through ${others.join(', ')} too`;
}
