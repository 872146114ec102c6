import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/workflows/rules.ts';

const SHA = 'a0853c24544627f65ddf259abe73b1d18a591444';

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && pattern.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

describe('the repository follows the workflow rules', async () => {
  const workflows = [...(await filesUnder('.github/workflows', /\.ya?ml$/)), ...(await filesUnder('reusable-workflows', /\.ya?ml$/))];
  const actions = ['action.yml', ...(await filesUnder('actions', /^action\.ya?ml$/))];

  it.each(workflows)('workflow %s', async (file) => {
    expect(checkFile(file, await readFile(file, 'utf8'), 'workflow')).toEqual([]);
  });

  it.each(actions)('action %s', async (file) => {
    expect(checkFile(file, await readFile(file, 'utf8'), 'action')).toEqual([]);
  });
});

describe('checkFile', () => {
  const workflow = (body: string) => `on: [push]\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n${body}`;

  it.each([
    ['a tag instead of a SHA', '      - uses: actions/checkout@v5\n', 'pinned-sha', '"actions/checkout@v5" is not pinned to a full commit SHA'],
    ['a SHA without its version', `      - uses: actions/setup-node@${SHA}\n`, 'pinned-sha', `"actions/setup-node@${SHA}" has no "# v<version>" comment`],
    ['an expression in a script', '      - run: echo "${{ github.event.pull_request.title }}"\n', 'expression-in-run', 'a ${{ }} expression inside run:; pass it through env: instead'],
  ])('finds %s', (_name, body, rule, message) => {
    expect(checkFile('w.yml', workflow(body), 'workflow')).toEqual([{ file: 'w.yml', line: 9, rule, message }]);
  });

  it('accepts pinned, commented, env-passing steps', () => {
    const body = `      - uses: actions/setup-node@${SHA} # v5.0.0\n      - env:\n          TITLE: \${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n`;
    expect(checkFile('w.yml', workflow(body), 'workflow')).toEqual([]);
  });

  it('requires permissions and a timeout on every job', () => {
    const text = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n';
    expect(checkFile('w.yml', text, 'workflow').map((finding) => finding.rule)).toEqual(['permissions', 'timeout']);
  });

  it('refuses pull_request_target checking out the pull request head', () => {
    const text = `on: pull_request_target\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: actions/checkout@${SHA} # v5\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n`;
    expect(checkFile('w.yml', text, 'workflow')).toEqual([{ file: 'w.yml', line: 10, rule: 'pull-request-target', message: 'job "t" checks out pull request code under pull_request_target' }]);
  });

  it.each([
    ['refs/pull/${{ github.event.pull_request.number }}/merge'],
    ['${{ github.event.pull_request.merge_commit_sha }}'],
    ['refs/pull/${{ github.event.number }}/head'],
    ['${{ github.head_ref }}'],
  ])('refuses pull_request_target checking out %s', (ref) => {
    const text = `on: pull_request_target\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: actions/checkout@${SHA} # v5\n        with:\n          ref: ${ref}\n`;
    expect(checkFile('w.yml', text, 'workflow').map((finding) => finding.rule)).toEqual(['pull-request-target']);
  });

  it('requires node24 for JavaScript actions and Node set up before composite steps use it', () => {
    expect(checkFile('action.yml', 'name: x\nruns:\n  using: node20\n  main: index.js\n', 'action')).toEqual([{ file: 'action.yml', line: 3, rule: 'node24', message: 'runs.using is node20; expected node24' }]);
    const composite = `name: x\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: node dist/x.js\n    - uses: actions/setup-node@${SHA} # v5.0.0\n`;
    expect(checkFile('action.yml', composite, 'action').map((finding) => finding.rule)).toEqual(['node24']);
  });
});
