/**
 * Runs the user's training command: its own process group (so a cancel reaches every
 * child), output streamed to the terminal and a log file, a timeout, and signals
 * forwarded. Whatever the command wrote before it stopped stays on disk.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { CommandError } from '../errors.ts';

export interface CommandSpec {
  command: string;
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  logFile: string;
  /** Where the command's output is echoed (the terminal, the step log). */
  echo: (chunk: string) => void;
  /** Grace period between SIGTERM and SIGKILL when stopping the command. */
  killGraceMs?: number;
}

export interface CommandOutcome {
  exitCode: number;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The signal this process received and forwarded, when cancelled. */
  cancelledBy: NodeJS.Signals | null;
  startedAt: Date;
  endedAt: Date;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export async function runCommand(spec: CommandSpec): Promise<CommandOutcome> {
  const log = createWriteStream(spec.logFile, { flags: 'w' });
  const startedAt = new Date();
  const child = spawn(spec.command, { cwd: spec.cwd, env: spec.env, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  let timedOut = false;
  let cancelledBy: NodeJS.Signals | null = null;
  let escalation: NodeJS.Timeout | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    killGroup(signal);
    escalation ??= setTimeout(() => killGroup('SIGKILL'), spec.killGraceMs ?? 10_000);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cancelledBy = signal;
    stop(signal);
  };
  for (const signal of FORWARDED) process.on(signal, onSignal);
  const timer = setTimeout(() => {
    timedOut = true;
    stop('SIGTERM');
  }, spec.timeoutMs);
  const pipe = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    log.write(text);
    spec.echo(text);
  };
  child.stdout.on('data', pipe);
  child.stderr.on('data', pipe);
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', (error) => reject(new CommandError(`cannot start "${spec.command}": ${error.message}`)));
      child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    const exitCode = code ?? 128 + signalNumber(signal);
    return { exitCode, signal, timedOut, cancelledBy, startedAt, endedAt: new Date() };
  } finally {
    clearTimeout(timer);
    if (escalation) clearTimeout(escalation);
    for (const signal of FORWARDED) process.off(signal, onSignal);
    await new Promise<void>((resolve) => log.end(resolve));
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return (signal && numbers[signal]) ?? 1;
}
