/**
 * docs/actions/<name>.md, generated from each action's action.yml, so the inputs and
 * outputs a user reads are the ones the action declares.
 */
import { parse } from 'yaml';
import { cell, codeCell, table } from './markdown.ts';

/** The parts of action.yml a reference page shows. */
export interface ActionMetadata {
  name: string;
  description?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown; deprecationMessage?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string };
}

/** One action of the repository: its directory ('' for the root action) and metadata text. */
export interface ActionSource {
  dir: string;
  text: string;
}

/** The page name of an action: its directory's last part, `trainyard` for the root action. */
export function actionPageName(dir: string): string {
  return dir === '' ? 'trainyard' : dir.split('/').at(-1)!;
}

/** How a workflow references the action at the release tag. */
export function actionRef(dir: string, repository: string, ref: string): string {
  return dir === '' ? `${repository}@${ref}` : `${repository}/${dir}@${ref}`;
}

function usage(ref: string, metadata: ActionMetadata): string[] {
  const required = Object.entries(metadata.inputs ?? {}).filter(([, input]) => input.required);
  const lines = ['```yaml', `- uses: ${ref}`];
  if (required.length > 0) lines.push('  with:', ...required.map(([name]) => `    ${name}: …`));
  return [...lines, '```'];
}

export function renderActionReference(source: ActionSource, repository: string, ref: string): string {
  const metadata = parse(source.text) as ActionMetadata;
  const file = source.dir === '' ? 'action.yml' : `${source.dir}/action.yml`;
  const inputs = Object.entries(metadata.inputs ?? {}).map(([name, input]) => [
    `\`${name}\``,
    input.required ? 'yes' : 'no',
    codeCell(input.default),
    cell(input.description) + (input.deprecationMessage ? ` (deprecated: ${cell(input.deprecationMessage)})` : ''),
  ]);
  const outputs = Object.entries(metadata.outputs ?? {}).map(([name, output]) => [`\`${name}\``, cell(output.description)]);
  return [
    `# ${metadata.name}`,
    '',
    cell(metadata.description),
    '',
    ...usage(actionRef(source.dir, repository, ref), metadata),
    '',
    '## Inputs',
    '',
    ...(inputs.length > 0 ? table(['input', 'required', 'default', 'meaning'], inputs) : ['None.']),
    '',
    '## Outputs',
    '',
    ...(outputs.length > 0 ? table(['output', 'meaning'], outputs) : ['None.']),
    '',
    `This page is generated from \`${file}\` (\`npm run generate\`).`,
    '',
  ].join('\n');
}

/** docs/actions/README.md: the list of actions with their one-line descriptions. */
export function renderActionIndex(sources: ActionSource[]): string {
  const rows = sources.map((source) => {
    const metadata = parse(source.text) as ActionMetadata;
    return [`[${actionPageName(source.dir)}](${actionPageName(source.dir)}.md)`, cell(metadata.description)];
  });
  return ['# Actions', '', ...table(['action', 'what it does'], rows), '', 'The pages are generated from each `action.yml` (`npm run generate`).', ''].join('\n');
}
