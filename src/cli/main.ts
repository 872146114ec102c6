/**
 * The trainyard command line. Commands parse their options, call one function of the
 * library and report; errors become one line and an exit code here, nowhere else.
 */
import { Command, CommanderError } from 'commander';
import { describeThrown, EXIT, exitCodeOfHttpStatus, TrainyardError } from '../errors.ts';
import { VERSION } from '../version.ts';
import type { CliIo } from './io.ts';

type Register = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/**
 * Every command, in the order help lists them, each loaded only when used: a command's
 * module brings its domain (DuckDB, the statistics, Octokit), so `trainyard validate`
 * starts without loading the registry or the drift tests.
 */
const COMMANDS: ReadonlyArray<{ name: string; load: () => Promise<Register> }> = [
  { name: 'run', load: async () => (await import('./commands/run.ts')).registerRun },
  { name: 'train', load: async () => (await import('./commands/train.ts')).registerTrain },
  { name: 'config', load: async () => (await import('./commands/config.ts')).registerConfig },
  { name: 'init', load: async () => (await import('./commands/init.ts')).registerInit },
  { name: 'runner', load: async () => (await import('./commands/runner.ts')).registerRunner },
  { name: 'registry', load: async () => (await import('./commands/registry.ts')).registerRegistry },
  { name: 'deploy', load: async () => (await import('./commands/deploy.ts')).registerDeploy },
  { name: 'drift', load: async () => (await import('./commands/drift.ts')).registerDrift },
  { name: 'monitor', load: async () => (await import('./commands/monitor.ts')).registerMonitor },
  { name: 'monitor-publish', load: async () => (await import('./commands/monitor-publish.ts')).registerMonitorPublish },
  { name: 'profile', load: async () => (await import('./commands/profile.ts')).registerProfile },
  { name: 'validate', load: async () => (await import('./commands/validate.ts')).registerValidate },
  { name: 'schema', load: async () => (await import('./commands/schema.ts')).registerSchema },
  { name: 'evaluate', load: async () => (await import('./commands/evaluate.ts')).registerEvaluate },
  { name: 'compare', load: async () => (await import('./commands/compare.ts')).registerCompare },
  { name: 'sandbox', load: async () => (await import('./commands/sandbox.ts')).registerSandbox },
  { name: 'doctor', load: async () => (await import('./commands/doctor.ts')).registerDoctor },
  { name: 'app', load: async () => (await import('./commands/app.ts')).registerApp },
];

/**
 * The program with the command `argv` names, or with every command (for help, a
 * mistyped command's suggestions, and the reference docs) when `argv` names none.
 */
export async function buildProgram(io: CliIo, setExit: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('trainyard')
    .description('trainyard: an ML platform in your GitHub repository.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    // `--version <n>` of `deploy` or `registry show` must not read as the program's
    // `--version`: program options count only before the command.
    .enablePositionalOptions()
    .exitOverride();
  const named = COMMANDS.filter((command) => command.name === argv[0]);
  const wanted = named.length > 0 ? named : argv[0] === '--version' || argv[0] === '-V' ? [] : COMMANDS;
  const registers = await Promise.all(wanted.map((command) => command.load()));
  for (const register of registers) register(program, io, setExit);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** The HTTP status of a failed request (Octokit's RequestError), or null for any other throw. */
function httpStatusOf(error: unknown): number | null {
  if (!(error instanceof Error) || error.name !== 'HttpError') return null;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 ? status : null;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code: 0
 * success, 1 a gate said no, 2 a user mistake, 3 a failure of trainyard or a service.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = await buildProgram(io, (code) => (exitCode = code), argv);
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
    const status = httpStatusOf(error);
    if (status !== null) {
      // An Octokit RequestError no domain code wrapped: GitHub (or the network) said no.
      io.stderr(`trainyard: GitHub: ${describeThrown(error)} (HTTP ${status})\n`);
      return exitCodeOfHttpStatus(status);
    }
    io.stderr(`trainyard: internal error: ${describeThrown(error)} (set TRAINYARD_DEBUG=1 for details)\n`);
    if (io.env.TRAINYARD_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.failure;
  }
}
