import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; now?: Date } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { PATH: process.env.PATH },
    now: () => options.now ?? new Date('2026-01-02T03:04:05.678Z'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A private copy of the example project, so runs never write into the repository. */
export async function copyExample(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-example-'));
  await cp(path.resolve('examples/flight-delays'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}.trainyard`) });
  return dir;
}
