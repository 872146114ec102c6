/**
 * The adapter that asks the machine what lineage needs: git state, the runner, tool
 * versions. Every probe is best-effort: a missing git or python is recorded as null.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import type { Lineage } from './lineage.ts';

const run = promisify(execFile);

async function output(command: string, args: string[], cwd: string): Promise<string | null> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout: 10_000 });
    return (stdout || stderr).trim();
  } catch {
    return null;
  }
}

export interface SystemFacts {
  git: { commit: string | null; dirty: boolean | null };
  runner: Lineage['runner'];
  python: string | null;
}

export async function gatherSystemFacts(root: string, env: Record<string, string | undefined>): Promise<SystemFacts> {
  const [commit, status, python] = await Promise.all([
    output('git', ['rev-parse', 'HEAD'], root),
    output('git', ['status', '--porcelain', '--untracked-files=no'], root),
    output('python3', ['--version'], root),
  ]);
  return {
    git: { commit, dirty: status === null ? null : status.length > 0 },
    runner: {
      name: env.RUNNER_NAME ?? null,
      os: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      labels: (env.TRAINYARD_RUNNER_LABELS ?? '').split(',').map((label) => label.trim()).filter(Boolean),
    },
    python: python?.replace(/^Python\s+/, '') ?? null,
  };
}
