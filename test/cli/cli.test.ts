import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from '../helpers/cli.ts';

const exec = promisify(execFile);

/** Every command and subcommand the CLI has, as argv prefixes. */
async function commandPaths(): Promise<string[][]> {
  const program = await buildProgram({ stdout: () => {}, stderr: () => {}, cwd: '.', env: {}, now: () => new Date(0) }, () => {});
  const walk = (command: Command, prefix: string[]): string[][] =>
    command.commands.filter((sub) => sub.name() !== 'help').flatMap((sub) => [[...prefix, sub.name()], ...walk(sub, [...prefix, sub.name()])]);
  return walk(program, []);
}

const COMMAND_PATHS = await commandPaths();

describe('trainyard CLI', () => {
  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it.each(COMMAND_PATHS)('has --help for `%s`', async (...command) => {
    const result = await runCli([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: trainyard ${command.join(' ')}`);
  });

  it('lists only commands that exist', async () => {
    const result = await runCli(['--help']);
    const commands = [...result.stdout.matchAll(/^ {2}(\w+) /gm)].map((match) => match[1]);
    expect(commands).toEqual(['run', 'train', 'config', 'init', 'runner', 'registry', 'deploy', 'drift', 'monitor', 'profile', 'validate', 'schema', 'evaluate', 'compare', 'sandbox', 'doctor', 'app', 'help']);
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli(['deploy-everything'])).code).toBe(2);
    const result = await runCli(['run', '--colour']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--colour'");
  });

  it('reports a bad config in one line with exit code 2, no stack trace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-cli-'));
    await writeFile(path.join(dir, 'trainyard.yml'), 'models:\n  m:\n    task: binary\n    dta: {}\n');
    const result = await runCli(['config', 'check', '--config', 'trainyard.yml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trainyard: trainyard.yml:4:5: models.m.dta: unknown key; did you mean "data"?\n');
  });

  it('checks a valid config', async () => {
    const result = await runCli(['config', 'check', '--config', 'examples/flight-delays/.github/trainyard.yml']);
    expect(result).toEqual({ code: 0, stdout: 'examples/flight-delays/.github/trainyard.yml: valid, 1 model (flight-delays)\n', stderr: '' });
  });

  it('names a missing default config', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-cli-'));
    const result = await runCli(['run'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trainyard: .github/trainyard.yml: cannot read the config (ENOENT); expected a YAML file such as .github/trainyard.yml\n');
  });

  it('runs as the package bin from the committed bundle', async () => {
    const { stdout } = await exec(process.execPath, ['dist/trainyard.js', '--version']);
    expect(stdout).toBe(`${packageJson.version}\n`);
  });
});
