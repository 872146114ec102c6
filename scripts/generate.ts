// Writes the generated files: schema/trainyard.schema.json, docs/configuration.md,
// docs/cli.md, docs/sample-pr-comment.md (from a real run of the example), the callable copies of reusable-workflows/ in .github/workflows/, and
// the action and workflow references. `--check` fails when a committed file differs.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { renderConfigJsonSchema } from '../src/config/json-schema.ts';
import { renderCliReference } from '../src/cli/reference-doc.ts';
import { renderConfigReference } from '../src/config/reference-doc.ts';
import { actionPageName, renderActionIndex, renderActionReference, type ActionSource } from '../src/docs/action-reference.ts';
import { renderWorkflowReference } from '../src/docs/workflow-reference.ts';
import { WORKFLOW_COPY_DIR, WORKFLOW_SOURCE_DIR, workflowCopy } from '../src/workflows/copies.ts';
import { RELEASE_REF, TRAINYARD_REPOSITORY } from '../src/workflows/refs.ts';
import { renderSampleComment } from './sample-comment.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

async function workflowSources(): Promise<Array<{ file: string; text: string }>> {
  const names = (await readdir(path.join(root, WORKFLOW_SOURCE_DIR))).filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(names.map(async (file) => ({ file, text: await read(`${WORKFLOW_SOURCE_DIR}/${file}`) })));
}

async function actionSources(): Promise<ActionSource[]> {
  const dirs = (await readdir(path.join(root, 'actions'), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => `actions/${entry.name}`).sort();
  const sources: ActionSource[] = [{ dir: '', text: await read('action.yml') }];
  for (const dir of dirs) {
    const text = await read(`${dir}/action.yml`).catch(() => undefined);
    if (text !== undefined) sources.push({ dir, text });
  }
  return sources;
}

const workflows = await workflowSources();
const actions = await actionSources();
const outputs: Array<[string, string]> = [
  ['schema/trainyard.schema.json', renderConfigJsonSchema()],
  ['docs/configuration.md', renderConfigReference()],
  ['docs/cli.md', await renderCliReference()],
  ['docs/workflows.md', renderWorkflowReference(workflows)],
  ['docs/sample-pr-comment.md', await renderSampleComment(path.join(root, 'examples'))],
  ['docs/actions/README.md', renderActionIndex(actions)],
  ...actions.map((source): [string, string] => [`docs/actions/${actionPageName(source.dir)}.md`, renderActionReference(source, TRAINYARD_REPOSITORY, RELEASE_REF)]),
  ...workflows.map(({ file, text }): [string, string] => [`${WORKFLOW_COPY_DIR}/${file}`, workflowCopy(file, text)]),
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, fresh] of outputs) {
  const target = path.join(root, file);
  if (!check) {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, fresh);
    continue;
  }
  if ((await readFile(target, 'utf8').catch(() => '')) !== fresh) {
    console.error(`stale ${file}; run npm run generate and commit it`);
    stale++;
  }
}
if (check && stale === 0) console.log('generated files are current');
process.exit(stale === 0 ? 0 : 1);
