/**
 * The survival function of the two-sided one-sample Kolmogorov-Smirnov statistic,
 * Pr(D_n >= x) — `scipy.stats.kstwo.sf(x, n)` — choosing among exact and asymptotic
 * methods exactly as Simard and L'Ecuyer (2011) and scipy's `_kolmogn` do.
 */
import { kolmognDmtwCdf } from './kolmogn-dmtw.ts';
import { kolmognPelzGoodCdf } from './kolmogn-pelz-good.ts';
import { kolmognPomeranzCdf } from './kolmogn-pomeranz.ts';
import { smirnov } from './smirnov.ts';

const LOG_2PI = Math.log(2 * Math.PI);
/** Stirling coefficients B_2j / (2j (2j - 1)) for j = 8..1, as doubles. */
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953, 0.0007936507936507937,
  -0.002777777777777778, 0.08333333333333333,
];

/** log(n! / n^n) by Stirling's series with n·log(n) removed up front. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/**
 * Pr(D_n >= x) for an integer n >= 1.
 * @example kolmogorovSf(100, 0.1) // 0.2623...
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnov(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip(1 - kolmognDmtwCdf(n, x));
    if (nxSquared <= 4) return clip(1 - kolmognPomeranzCdf(n, x));
    return clip(2 * smirnov(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip(2 * smirnov(n, x));
  const cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? kolmognDmtwCdf(n, x) : kolmognPelzGoodCdf(n, x);
  return clip(1 - clip(cdf));
}
