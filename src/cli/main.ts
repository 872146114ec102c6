/**
 * The trainyard command line. Commands parse their options, call one function of the
 * library and report; errors become one line and an exit code here, nowhere else.
 */
import { Command, CommanderError } from 'commander';
import { describeThrown, TrainyardError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { registerCompare } from './commands/compare.ts';
import { registerConfig } from './commands/config.ts';
import { registerDeploy } from './commands/deploy.ts';
import { registerInit } from './commands/init.ts';
import { registerRegistry } from './commands/registry.ts';
import { registerDrift } from './commands/drift.ts';
import { registerProfile } from './commands/profile.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerRun } from './commands/run.ts';
import { registerRunner } from './commands/runner.ts';
import { registerSandbox } from './commands/sandbox.ts';
import { registerSchema } from './commands/schema.ts';
import { registerTrain } from './commands/train.ts';
import { registerValidate } from './commands/validate.ts';
import type { CliIo } from './io.ts';

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('trainyard')
    .description('trainyard: an ML platform in your GitHub repository.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  registerRun(program, io, setExit);
  registerTrain(program, io, setExit);
  registerConfig(program, io, setExit);
  registerInit(program, io, setExit);
  registerRunner(program, io, setExit);
  registerRegistry(program, io, setExit);
  registerDeploy(program, io, setExit);
  registerDrift(program, io, setExit);
  registerProfile(program, io, setExit);
  registerValidate(program, io, setExit);
  registerSchema(program, io, setExit);
  registerEvaluate(program, io, setExit);
  registerCompare(program, io, setExit);
  registerSandbox(program, io, setExit);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      if (done) return 0;
      // A bare `trainyard` or `trainyard config` prints help and exits non-zero.
      return error.code === 'commander.executeSubCommandAsync' ? 0 : 2;
    }
    if (error instanceof TrainyardError) {
      io.stderr(`trainyard: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`trainyard: internal error: ${describeThrown(error)} (set TRAINYARD_DEBUG=1 for details)\n`);
    if (io.env.TRAINYARD_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 1;
  }
}
