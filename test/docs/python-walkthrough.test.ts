/**
 * docs/python.md, "A scikit-learn project, start to finish", run as written: the
 * requirements, the trainer and the shell commands are taken from the page's own code
 * blocks, so the page cannot drift from what works. Two substitutions, both checked to
 * apply: the virtual environment sees the system's packages (Debian's python3-sklearn,
 * as no package index is reachable here), and `npx trainyard` is the bundle
 * (dist/trainyard.js; installing the packed tarball is test/package's part).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: String(error) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The fenced code blocks of one `## ` section of a Markdown page, in order. */
function codeBlocks(markdown: string, heading: string): Array<{ lang: string; text: string }> {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "## ${heading}"`);
  const rest = markdown.slice(start + heading.length + 5);
  const section = rest.slice(0, rest.search(/\n## /) >= 0 ? rest.search(/\n## /) : undefined);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, text: match[2]! }));
}

const python = '/usr/bin/python3';
const hasSklearn = (await run(python, ['-c', 'import sklearn, pandas, venv'], process.cwd())).code === 0;
if (!hasSklearn) console.warn('test/docs/python-walkthrough: no /usr/bin/python3 with scikit-learn, pandas and venv (apt-get install python3-sklearn python3-pandas python3-venv); the walk-through is skipped');

describe.skipIf(!hasSklearn)('docs/python.md: the scikit-learn walk-through, command by command', () => {
  it('runs the page\'s requirements, trainer and commands to a promoted churn@v1, as the page describes', async () => {
    const page = await readFile('docs/python.md', 'utf8');
    const blocks = codeBlocks(page, 'A scikit-learn project, start to finish');
    expect(blocks.map((block) => block.lang)).toEqual(['text', 'python', 'sh']);
    const [requirements, trainer, shell] = blocks as unknown as [{ text: string }, { text: string }, { text: string }];

    const project = path.join(await mkdtemp(path.join(tmpdir(), 'trainyard-python-doc-')), 'churn');
    await mkdir(project);
    await writeFile(path.join(project, 'requirements.txt'), requirements.text);
    await writeFile(path.join(project, 'train.py'), trainer.text);
    const data = await run(process.execPath, [path.resolve('test/fixtures/sklearn-churn/make-data.mjs'), project], project);
    expect(data.code, data.stderr).toBe(0);

    const bundle = path.resolve('dist/trainyard.js');
    const lines = shell.text.trim().split('\n');
    const script = lines.map((line) => {
      if (line.startsWith('python -m venv .venv ')) return line.replace('python -m venv .venv ', `${python} -m venv --system-site-packages .venv `);
      if (line === 'npm i -D trainyard') return ': npm i -D trainyard';
      if (line.startsWith('npx trainyard ')) return line.replace('npx trainyard ', `node ${JSON.stringify(bundle)} `);
      throw new Error(`docs/python.md: a command the walk-through test does not know: ${line}`);
    });
    expect(script).toHaveLength(5);
    // Each command echoed before it runs; the first failure stops the walk-through.
    const steps = ['set -e', ...script.flatMap((line, index) => [`echo "== ${lines[index]!.replace(/"/g, '\\"')}"`, line])].join('\n');
    const env = { ...process.env, PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', VIRTUAL_ENV: undefined };
    const result = await run('bash', ['-c', steps], project, env);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    for (const line of lines) expect(result.stdout).toContain(`== ${line}`);

    // What the page says init wrote.
    const schema = parse(await readFile(path.join(project, 'data/schema.yml'), 'utf8')) as { columns: Record<string, { unique?: boolean; training_only?: boolean }> };
    expect(schema.columns.customer_id).toMatchObject({ unique: true });
    expect(schema.columns.churned).toMatchObject({ training_only: true });
    const config = parse(await readFile(path.join(project, '.github/trainyard.yml'), 'utf8')) as { models: Record<string, { training: { command: string }; metrics: { policy: unknown } }> };
    expect(config.models.churn!.training.command).toBe('python train.py');
    expect(config.models.churn!.metrics.policy).toEqual({ roc_auc: { greater_is_better: true, threshold: 0.5, min_relative_change: 0 } });
    expect(await readFile(path.join(project, '.github/workflows/trainyard-pr.yml'), 'utf8')).toContain('python-requirements: "requirements.txt"');
    expect((await readFile(path.join(project, '.gitignore'), 'utf8')).split('\n')).toContain('.trainyard/');
    // What the page says run did.
    expect(result.stdout).toContain('.github/trainyard.yml: valid, 1 model (churn)');
    expect(result.stdout).toContain('registered churn@v1, promoted to production');
    const runs = path.join(project, '.trainyard', 'runs');
    const [only] = await readdir(runs);
    const drift = JSON.parse(await readFile(path.join(runs, only!, 'churn', 'drift.json'), 'utf8')) as { columns: Array<{ column: string }>; excluded: Array<{ column: string; reason: string }> };
    expect(drift.columns.map((column) => column.column).sort()).toEqual(['contract', 'monthly_charges', 'support_calls', 'tenure_months']);
    expect(drift.excluded.map((entry) => entry.column).sort()).toEqual(['churned', 'customer_id', 'signup_date']);
  }, 300_000);
});
