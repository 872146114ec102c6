/**
 * The workflows and actions call the CLI with options it accepts: every trainyard
 * command line in reusable-workflows/, actions/ and action.yml is parsed by the CLI's
 * own commander program (nothing runs), and the names the App's Actions-mode workflow
 * listens for are the names of the callers `trainyard init` writes.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCallers } from '../../src/init/render-callers.ts';
import { fileInvocations, invokingFiles, parseOnly, shellInvocations } from './cli-invocations.ts';

const root = process.cwd();
const files = await invokingFiles(root);
const all = (await Promise.all(files.map((file) => fileInvocations(root, file)))).flat();

describe('trainyard invocations in workflows and actions', () => {
  it('finds the calls of every command the pipelines use', () => {
    const commands = new Set(all.map((invocation) => invocation.argv.slice(0, invocation.argv[0] === 'registry' || invocation.argv[0] === 'runner' ? 2 : 1).join(' ')));
    for (const command of ['validate', 'train', 'evaluate', 'compare', 'drift', 'deploy', 'registry register', 'registry download', 'runner guard']) expect([...commands]).toContain(command);
  });

  it.each(all.map((invocation) => [invocation.where, invocation] as const))('%s is accepted by the CLI', async (_where, invocation) => {
    expect(await parseOnly(invocation.argv), invocation.argv.join(' ')).toBeUndefined();
  });

  it('rejects what the CLI rejects: an unknown option, a missing required option, an unknown command', async () => {
    expect(await parseOnly(['validate', '--data', 'd.csv', '--schema', 's.yml', '--bogus', 'x'])).toMatch(/unknown option '--bogus'/);
    expect(await parseOnly(['registry', 'promote', 'm', '--environment', 'production'])).toMatch(/required option '-v, --version <n>' not specified/);
    expect(await parseOnly(['registry', 'publish', 'm'])).toMatch(/unknown command 'publish'/);
  });

  it('reads arrays built up in a script, with every optional addition, and variables as words', () => {
    const script = [
      'args=(drift --config "$CONFIG" --out "$out/drift.json")',
      '[ -n "${MODEL:-}" ] && args+=(--model "$MODEL")',
      'common=(--policy "$P")',
      'if [ -n "$X" ]; then args+=("${common[@]}"); fi',
      'trainyard "${args[@]}" > "$out/stdout.json" || status=$?',
      'trainyard registry download "$MODEL" --file profile.json | tee x',
    ].join('\n');
    expect(shellInvocations(script, 's.sh').map((invocation) => invocation.argv)).toEqual([
      ['drift', '--config', 'x', '--out', 'x/drift.json', '--model', 'x', '--policy', 'x'],
      ['registry', 'download', 'x', '--file', 'profile.json'],
    ]);
  });
});

describe('the App in GitHub Actions mode', () => {
  const choices = { model: 'churn', task: 'binary' as const, command: 'python train.py', train: 'data/train.csv', production: 'data/production.csv', schema: undefined, runsOn: ['self-hosted', 'gpu'], environment: 'production', defaultBranch: 'main', driftSchedule: '0 6 * * 1' };
  const callers = renderCallers(choices).map((file) => ({ file: file.path, name: (parse(file.content) as { name: string }).name }));
  const named = (file: string) => callers.find((caller) => caller.file === `.github/workflows/${file}`)!.name;

  it.each(['docs/samples/trainyard-app.yml', 'docs/app.md'])('%s listens for the pull-request, drift and retraining callers that init writes', async (file) => {
    const text = await readFile(file, 'utf8');
    const yaml = file.endsWith('.md') ? /```yaml\n(# The trainyard App in GitHub Actions[\s\S]*?)```/.exec(text)![1]! : text;
    const workflow = parse(yaml) as { on: { workflow_run: { workflows: string[] } } };
    expect(workflow.on.workflow_run.workflows).toEqual([named('trainyard-pr.yml'), named('trainyard-drift.yml'), named('trainyard-retrain.yml')]);
  });
});
