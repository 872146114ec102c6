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
    'Exit codes: 0 success; 1 a gate failed (invalid data, drift, a worse model) or the',
    'training command\'s own non-zero status; 2 a user mistake (bad config, missing file,',
    'bad option), reported in one line naming the file, key or value.',
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
