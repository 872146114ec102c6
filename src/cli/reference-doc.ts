/** docs/cli.md, generated from the commands' own --help, so it lists exactly what exists. */
import type { Command } from 'commander';
import { buildProgram } from './main.ts';

function helpOf(command: Command): string {
  let text = '';
  // A fixed width, so the page does not depend on the terminal it was generated in.
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: () => {}, getOutHelpWidth: () => 88 });
  command.outputHelp();
  return text.trimEnd();
}

function walk(command: Command, path: string[]): string[] {
  const sections: string[] = [];
  for (const sub of command.commands) {
    if (sub.name() === 'help') continue;
    const name = [...path, sub.name()];
    sections.push(`## trainyard ${name.join(' ')}`, '', '```text', helpOf(sub), '```', '');
    sections.push(...walk(sub, name));
  }
  return sections;
}

export async function renderCliReference(): Promise<string> {
  const io = { stdout: () => {}, stderr: () => {}, cwd: '.', env: {}, now: () => new Date(0) };
  const program = await buildProgram(io, () => {});
  return [
    '# Command-line reference',
    '',
    'Exit codes mean one thing each, for every command:',
    '',
    '| code | meaning |',
    '| --- | --- |',
    '| 0 | success |',
    '| 1 | a gate said no: data that fails its schema, a candidate that does not pass the policy (fail or inconclusive), drift, a promotion check that did not succeed, a fork\'s code refused; `trainyard run` exits 1 when any of its gates said no |',
    '| 2 | a user mistake: a bad option, config, schema or file, an unknown model, a token GitHub refuses (4xx), or the user\'s own training or deploy command failing (its status is in the message, lineage.json and the train action\'s `exit-code` output); reported in one line naming the file, key or value |',
    '| 3 | a failure of trainyard or of a service: a GitHub 5xx or 429, an unreachable API, a GPU runner whose preflight fails, a run cancelled from outside, an internal error |',
    '',
    'This page is generated from the commands\' `--help` (`npm run generate`).',
    '',
    '```text',
    helpOf(program),
    '```',
    '',
    ...walk(program, []),
  ].join('\n');
}
