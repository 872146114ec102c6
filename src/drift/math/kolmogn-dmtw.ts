/**
 * Pr(D_n <= d) by Durbin's matrix algorithm as Marsaglia, Tsang and Wang evaluate it:
 * the k-th diagonal entry of H^n, with scaling by 2^128 to stay in range (scipy's
 * `_kolmogn_DMTW`). Suited to small n·d, where the matrix is small.
 */
import { ldexp, pow2 } from './scaled.ts';

type Matrix = Float64Array[];

function zeros(m: number): Matrix {
  return Array.from({ length: m }, () => new Float64Array(m));
}

function identity(m: number): Matrix {
  const out = zeros(m);
  for (let i = 0; i < m; i++) out[i]![i] = 1;
  return out;
}

function matmul(a: Matrix, b: Matrix): Matrix {
  const m = a.length;
  const out = zeros(m);
  for (let i = 0; i < m; i++) {
    const row = out[i]!;
    const ai = a[i]!;
    for (let k = 0; k < m; k++) {
      const aik = ai[k]!;
      if (aik === 0) continue;
      const bk = b[k]!;
      for (let j = 0; j < m; j++) row[j]! += aik * bk[j]!;
    }
  }
  return out;
}

export function kolmognDmtwCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - Math.pow(h, j);
    w[j - 1] = fac;
    fac /= j;
    v[j - 1]! *= fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let H = zeros(m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r]![i] = w[r - (i - 1)]!;
  }
  for (let r = 0; r < m; r++) H[r]![0] = v[r]!;
  for (let c = 0; c < m; c++) H[m - 1]![c] = v[m - 1 - c]!;

  let power = identity(m);
  let nn = n;
  let exponent = 0;
  let hExponent = 0;
  const big = pow2(128);
  while (nn > 0) {
    if (nn % 2) {
      power = matmul(power, H);
      exponent += hExponent;
    }
    H = matmul(H, H);
    hExponent *= 2;
    if (Math.abs(H[k - 1]![k - 1]!) > big) {
      for (const row of H) for (let j = 0; j < m; j++) row[j]! /= big;
      hExponent += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[k - 1]![k - 1]!;
  const small = pow2(-128);
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < small) {
      p *= big;
      exponent -= 128;
    }
  }
  if (exponent !== 0) p = ldexp(p, exponent);
  return Math.min(Math.max(p, 0), 1);
}
