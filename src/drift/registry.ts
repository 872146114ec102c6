/**
 * The drift tests by name. An unknown name is a UsageError listing the known ones.
 */
import { UsageError } from '../errors.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { DRIFT_METHOD_NAMES, type DriftMethod } from '../config/drift-methods.ts';
import { chisquare } from './tests/chisquare.ts';
import { hellinger } from './tests/hellinger.ts';
import { jensenshannon } from './tests/jensenshannon.ts';
import { kl } from './tests/kl.ts';
import { ks } from './tests/ks.ts';
import { linf } from './tests/linf.ts';
import { psi } from './tests/psi.ts';
import { wasserstein } from './tests/wasserstein.ts';
import { z } from './tests/z.ts';
import type { DriftTest } from './types.ts';

export const DRIFT_TESTS: Record<DriftMethod, DriftTest> = { ks, wasserstein, jensenshannon, psi, kl, hellinger, chisquare, z, linf };

export function isDriftMethod(name: string): name is DriftMethod {
  return (DRIFT_METHOD_NAMES as readonly string[]).includes(name);
}

/** @throws UsageError for an unknown name. */
export function driftTest(name: string): DriftTest {
  if (isDriftMethod(name)) return DRIFT_TESTS[name];
  const close = didYouMean(name, DRIFT_METHOD_NAMES);
  const hint = close ? ` (did you mean "${close}"?)` : '';
  throw new UsageError(`unknown drift method "${name}"${hint}; expected one of ${DRIFT_METHOD_NAMES.join(', ')}`);
}
