/** `--registry local:<dir>|github:<owner>/<repo>`, parsed once at the edge. */
import path from 'node:path';
import { REGISTRY_SPEC } from '../config/schema.ts';
import { UsageError } from '../errors.ts';

export type RegistrySpec = { kind: 'local'; dir: string } | { kind: 'github'; owner: string; repo: string };

/** The default when neither `--registry` nor the config names one. */
export const DEFAULT_LOCAL_REGISTRY = '.trainyard/registry';

/** Parses a spec; a local dir is resolved against `root` (the project root or the cwd). */
export function parseRegistrySpec(text: string, root: string, source = '--registry'): RegistrySpec {
  if (!REGISTRY_SPEC.test(text)) throw new UsageError(`${source} "${text}" is not a registry; expected local:<dir> or github:<owner>/<repo>`);
  if (text.startsWith('local:')) return { kind: 'local', dir: path.resolve(root, text.slice('local:'.length)) };
  const [owner, repo] = text.slice('github:'.length).split('/') as [string, string];
  return { kind: 'github', owner, repo };
}
