/**
 * The root action's entry (`uses: <owner>/trainyard@v1`): the command and its
 * arguments arrive as inputs in the environment and are split by trainyard, never by a
 * shell, so an input cannot inject commands.
 */
import { describeThrown, EXIT, TrainyardError } from '../errors.ts';
import { processIo } from './io.ts';
import { main } from './main.ts';
import { splitArgs } from './split-args.ts';

const io = processIo();
try {
  const command = splitArgs(io.env.TRAINYARD_INPUT_COMMAND ?? '');
  const args = splitArgs(io.env.TRAINYARD_INPUT_ARGS ?? '');
  if (command.length === 0) {
    io.stderr('::error title=trainyard::the "command" input is empty; expected a trainyard command such as "run" or "config check"\n');
    process.exitCode = 2;
  } else {
    process.exitCode = await main([...command, ...args], io);
  }
} catch (error) {
  io.stderr(`::error title=trainyard::${describeThrown(error)}\n`);
  process.exitCode = error instanceof TrainyardError ? error.exitCode : EXIT.failure;
}
