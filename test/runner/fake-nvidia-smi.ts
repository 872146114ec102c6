import path from 'node:path';
import { processNvidiaSmi } from '../../src/runner/nvidia-smi-process.ts';

export const FAKE_BIN = path.resolve('test/fixtures/nvidia-smi/bin');

/** The environment of a machine whose nvidia-smi is the fake, playing `mode`. */
export function fakeEnv(mode: 'h200' | 'no-driver' | 'hang', extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { PATH: `${FAKE_BIN}${path.delimiter}${process.env.PATH}`, FAKE_NVIDIA_SMI: mode, ...extra };
}

/** A machine with no nvidia-smi at all: PATH holds only node's folder. */
export function noToolEnv(): Record<string, string | undefined> {
  return { PATH: path.dirname(process.execPath) };
}

export const fakeTool = (env: Record<string, string | undefined>) => processNvidiaSmi({ env });
