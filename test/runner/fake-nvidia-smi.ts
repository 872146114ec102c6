import { existsSync } from 'node:fs';
import path from 'node:path';
import { processNvidiaSmi } from '../../src/runner/nvidia-smi-process.ts';

export const FAKE_BIN = path.resolve('test/fixtures/nvidia-smi/bin');

/** The environment of a machine whose nvidia-smi is the fake, playing `mode`. */
export function fakeEnv(mode: 'h200' | 'no-driver' | 'hang', extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { PATH: `${FAKE_BIN}${path.delimiter}${process.env.PATH}`, FAKE_NVIDIA_SMI: mode, ...extra };
}

/**
 * A machine with no nvidia-smi at all: node's folder and this machine's PATH without any
 * folder that holds an nvidia-smi (the shell's tools stay reachable wherever node lives).
 */
export function noToolEnv(): Record<string, string | undefined> {
  const folders = [path.dirname(process.execPath), ...(process.env.PATH ?? '').split(path.delimiter)];
  const kept = folders.filter((folder) => folder !== '' && folder !== FAKE_BIN && !existsSync(path.join(folder, 'nvidia-smi')));
  return { PATH: [...new Set(kept)].join(path.delimiter) };
}

export const fakeTool = (env: Record<string, string | undefined>) => processNvidiaSmi({ env });
