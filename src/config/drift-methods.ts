/**
 * The names of the drift tests, as written in configs and `--method`. A leaf module so
 * the config schema can list them without importing the tests.
 */
export const DRIFT_METHOD_NAMES = ['ks', 'wasserstein', 'jensenshannon', 'psi', 'kl', 'hellinger', 'chisquare', 'z', 'linf'] as const;

export type DriftMethod = (typeof DRIFT_METHOD_NAMES)[number];

export const CORRECTIONS = ['none', 'bonferroni', 'benjamini-hochberg'] as const;

export type Correction = (typeof CORRECTIONS)[number];
