/**
 * The real `nvidia-smi`: a child process found on PATH (of the environment passed in),
 * or the binary named by `TRAINYARD_NVIDIA_SMI` at the CLI edge.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { NvidiaSmi, SamplerExit, SamplerProcess, ToolRun } from './nvidia-smi.ts';

const STDERR_KEEP = 4096;

export function processNvidiaSmi(options: { binary?: string; env: Record<string, string | undefined> }): NvidiaSmi {
  const binary = options.binary ?? 'nvidia-smi';
  return {
    run: (args, { timeoutMs }) => runOnce(binary, args, options.env, timeoutMs),
    sample: (args, onLine) => startSampler(binary, args, options.env, onLine),
  };
}

function runOnce(binary: string, args: string[], env: Record<string, string | undefined>, timeoutMs: number): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr: stderr || error.message, failure: error.code === 'ENOENT' ? 'not-found' : null });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: timedOut ? null : code, stdout, stderr, failure: timedOut ? 'timeout' : null });
    });
  });
}

/** utime + stime of a process, from /proc (Linux); null elsewhere or once it is gone. */
async function procCpuSeconds(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / 100 : null;
}

function startSampler(binary: string, args: string[], env: Record<string, string | undefined>, onLine: (line: string) => void): SamplerProcess {
  const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let pending = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line.replace(/\r$/, ''));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP)));
  const exited = new Promise<SamplerExit>((resolve) => {
    child.once('error', (error) => resolve({ exitCode: null, signal: null, stderr: error.message }));
    child.once('close', (code, signal) => {
      if (pending.trim()) onLine(pending);
      pending = '';
      resolve({ exitCode: code, signal, stderr });
    });
  });
  return {
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    cpuSeconds: () => procCpuSeconds(child.pid),
  };
}
