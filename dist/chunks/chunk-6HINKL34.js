#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  loadDataSchema
} from "./chunk-PHKZR6IB.js";
import {
  kindOfType,
  presentSql,
  valueSql
} from "./chunk-34SE6PPS.js";
import {
  quoteIdentifier,
  quoteLiteral
} from "./chunk-FNE57ZFB.js";
import {
  DRIFT_METHOD_NAMES,
  didYouMean
} from "./chunk-QDZFQRV4.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";

// src/drift/exclusions.ts
import { stat } from "node:fs/promises";
import path from "node:path";
var ID_NAME = /^(id|uuid|guid|index|row_?(id|number|num)|.*[_-](id|uuid|key)|.*[a-z]Id|.*ID)$/i;
function isIdLikeName(column) {
  return ID_NAME.test(column) && !/^(paid|valid|void|grid|fluid|hybrid|android|mid|bid|kid|lid|rid|squid|solid|humid|rapid|liquid|vivid|acid|rigid)$/i.test(column);
}
async function driftExclusions(input) {
  const { model, root } = input;
  const excluded = /* @__PURE__ */ new Map();
  const add = (column, reason) => {
    if (!excluded.has(column)) excluded.set(column, reason);
  };
  for (const column of model.drift?.exclude ?? []) add(column, "listed in drift.exclude");
  const schemaFile = model.data.schema;
  if (schemaFile && (await stat(path.resolve(root, schemaFile)).catch(() => null))?.isFile()) {
    const schema = await loadDataSchema(path.resolve(root, schemaFile), schemaFile);
    for (const [column, rule] of Object.entries(schema.rules.columns)) {
      if (rule.training_only) add(column, `training_only in ${schemaFile} (a label or a column production lacks)`);
      else if (rule.unique) add(column, `an id: unique in ${schemaFile}`);
      else if (rule.type === "timestamp" || rule.type === "date") add(column, `a ${rule.type}: it moves by definition`);
    }
  }
  return [...excluded].map(([column, reason]) => ({ column, reason }));
}
function excludedColumns(names, given) {
  const reasons = new Map(given.map((entry) => [entry.column, entry.reason]));
  return names.flatMap((column) => {
    const reason = reasons.get(column) ?? (isIdLikeName(column) ? "an id, by its name" : void 0);
    return reason ? [{ column, reason }] : [];
  });
}

// src/drift/math/gamma.ts
var HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
var TINY = 1e-300;
function stirlingRemainder(a) {
  const r = 1 / a;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360))))));
}
function logGamma(a) {
  let shift = 0;
  let x = a;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingRemainder(x) - shift;
}
function log1pMinus(t) {
  if (Math.abs(t) > 0.1) return Math.log1p(t) - t;
  let power = t * t;
  let sum = 0;
  for (let k = 2; k < 60; k++) {
    const next = power / k;
    sum += k % 2 === 0 ? -next : next;
    if (Math.abs(next) < 1e-18 * Math.abs(sum)) break;
    power *= t;
  }
  return sum;
}
function logPrefactor(a, x) {
  if (a < 10) return a * Math.log(x) - x - logGamma(a);
  return a * log1pMinus((x - a) / a) + 0.5 * Math.log(a) - HALF_LOG_2PI - stirlingRemainder(a);
}
function lowerSeries(a, x) {
  let term2 = 1 / a;
  let sum = term2;
  for (let n = 1; n < 1e5; n++) {
    term2 *= x / (a + n);
    sum += term2;
    if (term2 < sum * 1e-17) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}
function upperFraction(a, x) {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e5; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}
function upperGamma(a, x) {
  if (!(a > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}
function chiSquareSf(x, df) {
  return upperGamma(df / 2, x / 2);
}
function normalTwoSided(z2) {
  if (z2 === 0) return 1;
  return upperGamma(0.5, z2 * z2 / 2);
}

// src/drift/tests/chisquare.ts
var chisquare = {
  name: "chisquare",
  description: "chi-square goodness of fit of current counts to reference proportions, p-value (scipy chisquare)",
  kinds: ["numerical", "categorical"],
  rule: "p<",
  defaultThreshold: 0.05,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    if (counts.length < 2) return { statistic: 0, pValue: 1, note: "one value on both sides: no degrees of freedom" };
    const scale = evidence.current.rows / evidence.reference.rows;
    let statistic = 0;
    const unseen = [];
    for (const entry of counts) {
      const expected = entry.reference * scale;
      if (expected === 0) unseen.push(String(entry.value));
      statistic += (entry.current - expected) * (entry.current - expected) / expected;
    }
    if (unseen.length > 0) {
      const shown = unseen.slice(0, 5).join(", ") + (unseen.length > 5 ? ", \u2026" : "");
      return { statistic: null, pValue: 0, note: `infinite statistic: ${unseen.length} value(s) never seen in the reference (${shown})` };
    }
    return { statistic, pValue: chiSquareSf(statistic, counts.length - 1), note: `${counts.length - 1} degrees of freedom` };
  }
};

// src/drift/math/sturges.ts
function sturgesEdges(min, max, count) {
  let first = min;
  let last = max;
  const spread = max - min;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let bins = 1;
  if (count > 0) {
    const width = spread / (Math.log2(count) + 1);
    if (width) bins = Math.ceil((last - first) / width);
  }
  const step = (last - first) / bins;
  const edges = [];
  for (let i = 0; i <= bins; i++) edges.push(i * step + first);
  edges[bins] = last;
  return edges;
}

// src/drift/binning.ts
function unionRange(evidence) {
  const { reference: r, current: c } = evidence;
  return [Math.min(r.min ?? Infinity, c.min ?? Infinity), Math.max(r.max ?? -Infinity, c.max ?? -Infinity)];
}
function edgeLabel(edges, i) {
  const fmt = (x) => x.toLocaleString("en-US", { maximumSignificantDigits: 4 });
  return `${fmt(edges[i])}\u2013${fmt(edges[i + 1])}`;
}
async function binnedCounts(evidence) {
  if (evidence.kind === "numerical" && evidence.reference.distinct > 20) {
    const [min, max] = unionRange(evidence);
    const edges = sturgesEdges(min, max, evidence.reference.rows + evidence.current.rows);
    const counts = await evidence.histogram(edges);
    const labels = counts.reference.map((_, i) => edgeLabel(edges, i));
    return { labels, ...counts, note: `${labels.length} Sturges bins over both sides` };
  }
  const values = await evidence.valueCounts();
  return {
    labels: values.map((entry) => String(entry.value)),
    reference: values.map((entry) => entry.reference),
    current: values.map((entry) => entry.current),
    note: `one bin per distinct value (${values.length})`
  };
}
function shares(binned, evidence) {
  return {
    reference: binned.reference.map((count) => count / evidence.reference.rows),
    current: binned.current.map((count) => count / evidence.current.rows)
  };
}

// src/drift/tests/hellinger.ts
function distance(coefficient) {
  return Math.sqrt(1 - Math.min(Math.max(coefficient, 0), 1));
}
var hellinger = {
  name: "hellinger",
  description: "Hellinger distance sqrt(1 - Bhattacharyya coefficient) (Evidently hellinger)",
  kinds: ["numerical", "categorical"],
  rule: ">=",
  defaultThreshold: 0.1,
  async run(evidence) {
    const nr = evidence.reference.rows;
    const nc = evidence.current.rows;
    if (evidence.kind === "categorical") {
      const counts2 = await evidence.valueCounts();
      let coefficient2 = 0;
      for (const entry of counts2) coefficient2 += Math.sqrt(entry.reference / nr * (entry.current / nc));
      return { statistic: distance(coefficient2), pValue: null, note: `one bin per distinct value (${counts2.length})` };
    }
    const [min, max] = unionRange(evidence);
    const edges = sturgesEdges(min, max, evidence.distinct);
    const counts = await evidence.histogram(edges);
    const width = (edges[edges.length - 1] - edges[0]) / (edges.length - 1);
    const totalR = counts.reference.reduce((a, b) => a + b, 0);
    const totalC = counts.current.reduce((a, b) => a + b, 0);
    let coefficient = 0;
    for (let i = 0; i < edges.length - 1; i++) {
      const binWidth = edges[i + 1] - edges[i];
      const densityR = counts.reference[i] / binWidth / totalR;
      const densityC = counts.current[i] / binWidth / totalC;
      coefficient += Math.sqrt(densityR * densityC) * width;
    }
    const labels = counts.reference.map((_, i) => edgeLabel(edges, i));
    return {
      statistic: distance(coefficient),
      pValue: null,
      note: `${labels.length} Sturges bins over the distinct values`,
      distribution: { labels, reference: counts.reference.map((c) => c / nr), current: counts.current.map((c) => c / nc) }
    };
  }
};

// src/drift/math/divergence.ts
function normalise(values) {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => value / total);
}
function relativeEntropy(x, y) {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Infinity;
}
function jensenShannon(p, q, base) {
  const pn = normalise(p);
  const qn = normalise(q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    left += relativeEntropy(pn[i], m);
    right += relativeEntropy(qn[i], m);
  }
  let js = left + right;
  if (base !== void 0) js /= Math.log(base);
  return Math.sqrt(js / 2);
}
function klDivergence(p, q) {
  const pn = normalise(p);
  const qn = normalise(q);
  let sum = 0;
  for (let i = 0; i < pn.length; i++) sum += relativeEntropy(pn[i], qn[i]);
  return sum;
}
function psi(reference, current) {
  let sum = 0;
  for (let i = 0; i < reference.length; i++) sum += (reference[i] - current[i]) * Math.log(reference[i] / current[i]);
  return sum;
}
function fillEmptyBins(shares2) {
  const nonzero = shares2.filter((share) => share !== 0);
  if (nonzero.length === 0) return shares2;
  let least = Infinity;
  for (const share of nonzero) if (share < least) least = share;
  const fill = least <= 1e-4 ? least / 10 ** 6 : 1e-4;
  return shares2.map((share) => share === 0 ? fill : share);
}
function lInfinity(p, q) {
  const pn = normalise(p);
  const qn = normalise(q);
  let max = 0;
  for (let i = 0; i < pn.length; i++) max = Math.max(max, Math.abs(pn[i] - qn[i]));
  return max;
}

// src/drift/tests/binned-test.ts
function binnedSharesTest(spec) {
  return {
    name: spec.name,
    description: spec.description,
    kinds: ["numerical", "categorical"],
    rule: ">=",
    defaultThreshold: 0.1,
    async run(evidence) {
      const binned = await binnedCounts(evidence);
      const { reference, current } = shares(binned, evidence);
      return { statistic: spec.statistic(reference, current), pValue: null, note: binned.note, distribution: { labels: binned.labels, reference, current } };
    }
  };
}

// src/drift/tests/jensenshannon.ts
var jensenshannon = binnedSharesTest({
  name: "jensenshannon",
  description: "Jensen-Shannon distance, natural log (sqrt of the divergence; Evidently, scipy jensenshannon)",
  statistic: jensenShannon
});

// src/drift/tests/kl.ts
var kl = binnedSharesTest({
  name: "kl",
  description: "Kullback-Leibler divergence D(reference \u2016 current) in nats, empty bins filled (Evidently kl_div, scipy entropy)",
  statistic: (reference, current) => klDivergence(fillEmptyBins(reference), fillEmptyBins(current))
});

// src/drift/math/ks-exact.ts
function probOutsideSquare(n, h) {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}
function outerProbInside(m0, n0, g, h) {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(Math.max(lenA, n + 2)).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

// src/drift/math/scaled.ts
var TWO_POWERS = /* @__PURE__ */ new Map();
function pow2(e) {
  let cached = TWO_POWERS.get(e);
  if (cached === void 0) {
    cached = 2 ** e;
    if (TWO_POWERS.size < 4096) TWO_POWERS.set(e, cached);
  }
  return cached;
}
function ldexp(x, e) {
  let value = x;
  let rest = e;
  while (rest > 1e3) {
    value *= pow2(1e3);
    rest -= 1e3;
  }
  while (rest < -1e3) {
    value *= pow2(-1e3);
    rest += 1e3;
  }
  return value * pow2(rest);
}
var BITS = new Float64Array(1);
var WORDS = new Uint32Array(BITS.buffer);
var HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
function frexp(x) {
  if (x === 0 || !Number.isFinite(x)) return { f: x, e: 0 };
  BITS[0] = x;
  const high = WORDS[HIGH];
  const biased = high >>> 20 & 2047;
  if (biased === 0) {
    const scaled = frexp(x * 18446744073709552e3);
    return { f: scaled.f, e: scaled.e - 64 };
  }
  WORDS[HIGH] = high & 2148532223 | 1022 << 20;
  return { f: BITS[0], e: biased - 1022 };
}
function multiply(a, b) {
  const product = frexp(a.f * b.f);
  return { f: product.f, e: product.e + a.e + b.e };
}
function toNumber(a) {
  return ldexp(a.f, a.e);
}
function powScaled(y, m) {
  if (m === 0) return { f: 0.5, e: 1 };
  const base = frexp(y);
  const log2f = Math.log2(base.f);
  if (m * log2f > -900) {
    const value = frexp(Math.pow(base.f, m));
    return { f: value.f, e: value.e + base.e * m };
  }
  const chunk = Math.max(1, Math.floor(-900 / log2f));
  const times = Math.floor(m / chunk);
  const rest = m - times * chunk;
  const piece = frexp(Math.pow(base.f, chunk));
  const pieces = powScaled(piece.f, times);
  const restPart = frexp(Math.pow(base.f, rest));
  const product = multiply(pieces, restPart);
  return { f: product.f, e: product.e + piece.e * times + base.e * m };
}

// src/drift/math/kolmogn-dmtw.ts
function zeros(m) {
  return Array.from({ length: m }, () => new Float64Array(m));
}
function identity(m) {
  const out = zeros(m);
  for (let i = 0; i < m; i++) out[i][i] = 1;
  return out;
}
function matmul(a, b) {
  const m = a.length;
  const out = zeros(m);
  for (let i = 0; i < m; i++) {
    const row = out[i];
    const ai = a[i];
    for (let k = 0; k < m; k++) {
      const aik = ai[k];
      if (aik === 0) continue;
      const bk = b[k];
      for (let j = 0; j < m; j++) row[j] += aik * bk[j];
    }
  }
  return out;
}
function kolmognDmtwCdf(n, d) {
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
    v[j - 1] *= fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let H = zeros(m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r][i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r][0] = v[r];
  for (let c = 0; c < m; c++) H[m - 1][c] = v[m - 1 - c];
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
    if (Math.abs(H[k - 1][k - 1]) > big) {
      for (const row of H) for (let j = 0; j < m; j++) row[j] /= big;
      hExponent += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[k - 1][k - 1];
  const small = pow2(-128);
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < small) {
      p *= big;
      exponent -= 128;
    }
  }
  if (exponent !== 0) p = ldexp(p, exponent);
  return Math.min(Math.max(p, 0), 1);
}

// src/drift/math/kolmogn-pelz-good.ts
var PI2 = Math.PI ** 2;
var PI4 = Math.PI ** 4;
var PI6 = Math.PI ** 6;
var SQRT2PI = Math.sqrt(2 * Math.PI);
var SQRT3 = Math.sqrt(3);
var MIN_LOG = -708;
function kolmognPelzGoodCdf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z2 = Math.sqrt(n) * x;
  const z22 = z2 ** 2;
  const z3 = z2 ** 3;
  const z4 = z2 ** 4;
  const z6 = z2 ** 6;
  const qlog = -PI2 / 8 / z22;
  if (qlog < MIN_LOG) return 0;
  let q = Math.exp(qlog);
  const k1a = -z22;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = (2 * z4 - 5 * z22) * PI2 / 4;
  const k2c = PI4 * (1 - 2 * z22) / 16;
  const k3d = PI6 * (5 - 30 * z22) / 64;
  const k3c = PI4 * (-60 * z22 + 212 * z4) / 16;
  const k3b = PI2 * (135 * z4 - 96 * z6) / 4;
  const k3a = -30 * z6 - 90 * z2 ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z2 / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z2, 6 * z4, 72 * z2 ** 7, 6480 * z2 ** 10];
  for (let i = 0; i < 4; i++) K[i] = K[i] * q * SQRT2PI / divisors[i];
  q = Math.exp(-PI2 / 2 / z22);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = SQRT3 * z2;
  for (let k = maxk; k > 0; k--) {
    const ksq = k ** 2;
    const qp = Math.pow(q, ksq);
    const kspi = Math.PI * k;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  K[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
  K[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

// src/drift/math/kolmogn-pomeranz.ts
function bounds(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function convolve(a, b) {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j] += ai * b[j];
  }
  return out;
}
function kolmognPomeranzCdf(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = 2 * g / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * gOverN / m;
    twogpower[m] = twogpower[m - 1] * twoGOverN / m;
    onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let exponent = 0;
  const big = pow2(128);
  const small = pow2(-128);
  let [j1] = bounds(0, n, ll, ceilf, roundf);
  let j2;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = bounds(i, n, ll, ceilf, roundf);
    const powers = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const from = k1 - v0s;
      const conv = convolve(v0.subarray(from, Math.min(from + ln2, npwrs)), powers.subarray(0, Math.min(ln2, npwrs)));
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      for (let c = 0; c < convLength && convStart + c < conv.length; c++) v1[c] = conv[convStart + c];
      let max = -Infinity;
      for (const value of v1) if (value > max) max = value;
      if (max > 0 && max < small) {
        for (let c = 0; c < npwrs; c++) v1[c] *= big;
        exponent -= 128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let answer = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > big) {
      answer *= small;
      exponent += 128;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexp(answer, exponent);
  return Math.min(Math.max(answer, 0), 1);
}

// src/drift/math/double-double.ts
var SPLITTER = 134217729;
function twoSum(a, b) {
  const hi = a + b;
  const bb = hi - a;
  return { hi, lo: a - (hi - bb) + (b - bb) };
}
function split(a) {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
function twoProduct(a, b) {
  const hi = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return { hi, lo: ah * bh - hi + ah * bl + al * bh + al * bl };
}
function addDouble(a, b) {
  const s = twoSum(a.hi, b);
  return twoSum(s.hi, s.lo + a.lo);
}
function ratio(p, q) {
  const hi = p / q;
  const back = twoProduct(hi, q);
  return { hi, lo: (p - back.hi - back.lo) / q };
}

// src/drift/math/smirnov.ts
var MAX_COMPUTE_N = 1e6;
var MIN_LOG2 = -745.1332191019412;
var EPSILON = Number.EPSILON;
function powPair(base, m) {
  const scaled = powScaled(base.hi, m);
  if (m === 0 || base.lo === 0) return scaled;
  const correction = Math.exp(m * Math.log1p(base.lo / base.hi));
  return multiply(scaled, { f: correction / 2, e: 1 });
}
function floorProduct(n, x) {
  const product = twoProduct(n, x);
  let floor = Math.floor(product.hi);
  let alpha = product.hi - floor + product.lo;
  if (alpha < 0) {
    floor -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    floor += 1;
    alpha = 0;
  }
  return { floor, alpha };
}
function term(n, x, v, binomial) {
  const below = addDouble(ratio(n - v, n), -x);
  const above = addDouble(ratio(v, n), x);
  if (below.hi === 0 || above.hi === 0) return 0;
  const negative = below.hi < 0;
  const sign = negative && (n - v) % 2 === 1 ? -1 : 1;
  const belowHi = negative ? -below.hi : below.hi;
  const correction = 1 + (n - v) * (below.lo / below.hi) + (v - 1) * (above.lo / above.hi);
  const value = multiply(multiply(powScaled(belowHi, n - v), powScaled(above.hi, v - 1)), binomial);
  return sign * toNumber(value) * correction;
}
function smirnov(n, x) {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxfl, alpha } = floorProduct(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || nxfl === 1 && alpha === 0) {
    const cdf = x * Math.exp((n - 1) * Math.log1p(x));
    return clip(1 - cdf);
  }
  if (-2 * n * x * x < MIN_LOG2) return 0;
  if (nxfl >= n - 1) return clip(toNumber(powPair(twoSum(1, -x), n)));
  if (n > MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return clip(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }
  const upperTerms = n - n1mxceil + 1;
  const useUpper = upperTerms <= 1 && x < 0.5 || n >= 10 && upperTerms <= 3 && x <= 0.5 / Math.sqrt(n);
  let sum = 0;
  let compensation = 0;
  const add = (value) => {
    const t = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    sum = t;
  };
  const step = useUpper ? -1 : 1;
  const start = useUpper ? n : 0;
  const count = useUpper ? upperTerms : n1mxfl + 1;
  add(useUpper ? toNumber(powPair(twoSum(1, x), n - 1)) : toNumber(powPair(twoSum(1, -x), n)) / x);
  let binomial = { f: 0.5, e: 1 };
  binomial = multiply(binomial, { f: n / 2, e: 1 });
  const vmid = Math.floor(n / 2);
  for (let j = 1; j < count; j++) {
    const v = start + j * step;
    const a = term(n, x, v, binomial);
    if (Number.isFinite(a) && a !== 0) add(a);
    if (a !== 0) {
      if (4 * (count - j) * Math.abs(a) < EPSILON * (sum + compensation) && j !== count - 1) break;
    } else if (j > vmid) {
      break;
    }
    binomial = multiply(binomial, { f: (n - j) / (j + 1) / 2, e: 1 });
  }
  const prob = x * (sum + compensation);
  return clip(step < 0 ? 1 - prob : prob);
}
function clip(p) {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

// src/drift/math/kolmogn.ts
var LOG_2PI = Math.log(2 * Math.PI);
var STIRLING = [
  -0.029550653594771242,
  0.00641025641025641,
  -0.0019175269175269176,
  8417508417508417e-19,
  -5952380952380953e-19,
  7936507936507937e-19,
  -0.002777777777777778,
  0.08333333333333333
];
function logFactorialOverPower(n) {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}
function clip2(p) {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
function kolmogorovSf(n, x) {
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip2(1 - prob);
  }
  if (t >= n - 1) return clip2(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip2(2 * smirnov(n, x));
  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip2(1 - kolmognDmtwCdf(n, x));
    if (nxSquared <= 4) return clip2(1 - kolmognPomeranzCdf(n, x));
    return clip2(2 * smirnov(n, x));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip2(2 * smirnov(n, x));
  const cdf = n <= 1e5 && n * Math.pow(x, 1.5) <= 1.4 ? kolmognDmtwCdf(n, x) : kolmognPelzGoodCdf(n, x);
  return clip2(1 - clip2(cdf));
}

// src/drift/math/ks-pvalue.ts
var MAX_EXACT_N = 1e4;
function gcd(a, b) {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function exact(n1, n2, d) {
  const g = gcd(n1, n2);
  const lcm = n1 / g * n2;
  const h = roundHalfEven(d * lcm);
  const snapped = h / lcm;
  if (h === 0) return { d: snapped, pValue: 1, method: "exact" };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!(p >= 0 && p <= 1)) return void 0;
  return { d: snapped, pValue: p, method: "exact" };
}
function ksPValue(n1, n2, d) {
  if (n1 < 1 || n2 < 1) throw new RangeError("ks: both samples need at least one value");
  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const result = exact(n1, n2, d);
    if (result) return result;
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = m * n / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { d, pValue: Math.min(Math.max(p, 0), 1), method: "asymptotic" };
}

// src/drift/tests/ks.ts
var ks = {
  name: "ks",
  description: "two-sample Kolmogorov-Smirnov D, two-sided p-value (scipy ks_2samp, method auto)",
  kinds: ["numerical"],
  rule: "p<=",
  defaultThreshold: 0.05,
  async run(evidence) {
    const distance2 = await evidence.ecdfDistance();
    const result = ksPValue(evidence.reference.rows, evidence.current.rows, distance2);
    return { statistic: result.d, pValue: result.pValue, note: `${result.method} p-value` };
  }
};

// src/drift/tests/linf.ts
var linf = {
  name: "linf",
  description: "L-infinity distance max |p_ref - p_cur| over value shares (TFDV)",
  kinds: ["numerical", "categorical"],
  rule: ">=",
  defaultThreshold: 0.1,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    const value = lInfinity(
      counts.map((entry) => entry.reference),
      counts.map((entry) => entry.current)
    );
    return { statistic: value, pValue: null, note: `over ${counts.length} distinct values` };
  }
};

// src/drift/tests/psi.ts
var psi2 = binnedSharesTest({
  name: "psi",
  description: "population stability index \u03A3 (r - c) ln(r / c), empty bins filled (Evidently psi)",
  statistic: (reference, current) => psi(fillEmptyBins(reference), fillEmptyBins(current))
});

// src/drift/tests/wasserstein.ts
var wasserstein = {
  name: "wasserstein",
  description: "Wasserstein-1 distance / max(std(reference, ddof=0), 0.001) (Evidently wasserstein)",
  kinds: ["numerical"],
  rule: ">=",
  defaultThreshold: 0.1,
  async run(evidence) {
    const distance2 = await evidence.wasserstein();
    return { statistic: distance2 / Math.max(evidence.reference.std ?? 0, 1e-3), pValue: null };
  }
};

// src/drift/tests/z.ts
var z = {
  name: "z",
  description: "two-proportion z statistic for the first value (sorted) against the rest, two-sided p-value",
  kinds: ["numerical", "categorical"],
  rule: "p<",
  defaultThreshold: 0.05,
  async run(evidence) {
    const counts = await evidence.valueCounts();
    if (counts.length < 2) return { statistic: 0, pValue: 1, note: "one value on both sides" };
    const first = counts[0];
    const n1 = evidence.reference.rows;
    const n2 = evidence.current.rows;
    const p1 = first.reference / n1;
    const p2 = first.current / n2;
    const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    return { statistic, pValue: normalTwoSided(statistic), note: `share of "${String(first.value)}"` };
  }
};

// src/drift/registry.ts
var DRIFT_TESTS = { ks, wasserstein, jensenshannon, psi: psi2, kl, hellinger, chisquare, z, linf };
function isDriftMethod(name) {
  return DRIFT_METHOD_NAMES.includes(name);
}
function driftTest(name) {
  if (isDriftMethod(name)) return DRIFT_TESTS[name];
  const close = didYouMean(name, DRIFT_METHOD_NAMES);
  const hint = close ? ` (did you mean "${close}"?)` : "";
  throw new UsageError(`unknown drift method "${name}"${hint}; expected one of ${DRIFT_METHOD_NAMES.join(", ")}`);
}

// src/drift/correction.ts
function adjustPValues(pValues, correction) {
  const m = pValues.length;
  if (correction === "none" || m === 0) return [...pValues];
  if (correction === "bonferroni") return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1];
    running = Math.min(running, p * m / rank);
    adjusted[i] = Math.min(1, running);
  }
  return adjusted;
}

// src/drift/duckdb-evidence.ts
var num = (value) => value === null || value === void 0 ? Number.NaN : Number(value);
var numOrNull = (value) => value === null || value === void 0 ? null : Number(value);
function histogramSql(table, edges) {
  const k = edges.length - 1;
  const literal = (x) => x.toPrecision(17);
  const list = `([${edges.map(literal).join(", ")}]::DOUBLE[])`;
  const lo = edges[0];
  const hi = edges[k];
  const guess = `least(greatest(floor((v - ${literal(lo)}) / ${literal(hi - lo)} * ${k})::BIGINT, 0), ${k - 1})`;
  const bin = `CASE WHEN v < ${list}[g + 1] THEN g - 1 WHEN g < ${k - 1} AND v >= ${list}[g + 2] THEN g + 1 ELSE g END`;
  return `SELECT ${bin} AS b, sum(r) AS r, sum(c) AS c FROM (SELECT v, r, c, ${guess} AS g FROM ${table} WHERE v >= ${literal(lo)} AND v <= ${literal(hi)}) GROUP BY b`;
}
async function duckdbEvidence(engine, request) {
  const table = quoteIdentifier(request.table);
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT v, sum(r)::DOUBLE AS r, sum(c)::DOUBLE AS c FROM (SELECT v, n AS r, 0 AS c FROM (${request.reference}) UNION ALL SELECT v, 0 AS r, n AS c FROM (${request.current})) GROUP BY v`
  );
  const numerical = request.kind === "numerical";
  const moments = numerical ? `, sum(r * v) FILTER (WHERE r > 0) / sum(r) AS mr, sum(c * v) FILTER (WHERE c > 0) / sum(c) AS mc` : ", NULL AS mr, NULL AS mc";
  const range = numerical ? `, min(v) FILTER (WHERE r > 0) AS minr, max(v) FILTER (WHERE r > 0) AS maxr, min(v) FILTER (WHERE c > 0) AS minc, max(v) FILTER (WHERE c > 0) AS maxc` : ", NULL AS minr, NULL AS maxr, NULL AS minc, NULL AS maxc";
  const [facts] = await engine.query(
    `SELECT sum(r) AS nr, sum(c) AS nc, count(*) FILTER (WHERE r > 0) AS dr, count(*) FILTER (WHERE c > 0) AS dc, count(*) AS du${range}${moments} FROM ${table}`
  );
  let stdR = null;
  let stdC = null;
  if (numerical && facts) {
    const [spread] = await engine.query(
      `SELECT sqrt(sum(r * (v - ${num(facts.mr) || 0}) ^ 2) / sum(r)) AS sr, sqrt(sum(c * (v - ${num(facts.mc) || 0}) ^ 2) / sum(c)) AS sc FROM ${table}`
    );
    stdR = numOrNull(spread?.sr);
    stdC = numOrNull(spread?.sc);
  }
  const side = (rows, distinct, min, max, mean, std) => ({
    rows: num(rows) || 0,
    distinct: num(distinct) || 0,
    min: numOrNull(min),
    max: numOrNull(max),
    mean: numerical ? numOrNull(mean) : null,
    std
  });
  const reference = side(facts?.nr, facts?.dr, facts?.minr, facts?.maxr, facts?.mr, request.referenceStd ?? stdR);
  const current = side(facts?.nc, facts?.dc, facts?.minc, facts?.maxc, facts?.mc, stdC);
  let cdf;
  const cdfFacts = () => cdf ??= engine.query(
    `SELECT max(abs(fr - fc)) AS d, sum(abs(fr - fc) * (nv - v)) AS w FROM (SELECT v, sum(r) OVER w / ${reference.rows} AS fr, sum(c) OVER w / ${current.rows} AS fc, lead(v) OVER (ORDER BY v) AS nv FROM ${table} WINDOW w AS (ORDER BY v ROWS UNBOUNDED PRECEDING))`
  ).then(([row]) => ({ d: num(row?.d), w: num(row?.w) || 0 }));
  return {
    kind: request.kind,
    reference,
    current,
    distinct: num(facts?.du) || 0,
    ecdfDistance: async () => (await cdfFacts()).d,
    wasserstein: async () => (await cdfFacts()).w,
    async valueCounts() {
      const rows = await engine.query(`SELECT v, r, c FROM ${table} ORDER BY v`);
      return rows.map((row) => ({ value: numerical ? num(row.v) : String(row.v), reference: num(row.r), current: num(row.c) }));
    },
    async histogram(edges) {
      const bins = edges.length - 1;
      const rows = await engine.query(histogramSql(table, edges));
      const out = { reference: new Array(bins).fill(0), current: new Array(bins).fill(0) };
      for (const row of rows) {
        const b = num(row.b);
        out.reference[b] += num(row.r);
        out.current[b] += num(row.c);
      }
      return out;
    }
  };
}

// src/drift/grouped-side.ts
async function groupSide(engine, view, plan, table) {
  const id = quoteIdentifier(table);
  const values = plan.map((column, i) => `${valueSql(column.name, column.kind)} AS c${i}`);
  const flags = plan.map((_, i) => `grouping(c${i}) AS g${i}`);
  const sets = [...plan.map((_, i) => `(c${i})`), "()"];
  const inner = values.length > 0 ? values.join(", ") : "1 AS one";
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${id} AS SELECT ${[...plan.map((_, i) => `c${i}`), ...flags, "count(*) AS n"].join(", ")} FROM (SELECT ${inner} FROM ${quoteIdentifier(view)}) GROUP BY GROUPING SETS (${sets.join(", ")})`
  );
  const allOthers = plan.map((_, i) => `g${i} = 1`).join(" AND ") || "TRUE";
  const [total] = await engine.query(`SELECT n FROM ${id} WHERE ${allOthers}`);
  return {
    rows: Number(total?.n ?? 0),
    relation(column) {
      const i = plan.findIndex((p) => p.name === column);
      const present = presentSql(plan[i].kind).replace(/\bv\b/g, `c${i}`);
      return `SELECT c${i} AS v, n FROM ${id} WHERE g${i} = 0 AND ${present}`;
    }
  };
}

// src/drift/profile-relation.ts
var BATCH = 2e3;
async function profileRelation(engine, profile, column, table) {
  const info = profile.columns.find((c) => c.name === column);
  const numeric = info.kind === "numerical";
  const pairs = info.values ?? countSample(info.sample.values);
  await engine.query(`CREATE OR REPLACE TEMP TABLE "${table}" (v ${numeric ? "DOUBLE" : "VARCHAR"}, n BIGINT)`);
  for (let i = 0; i < pairs.length; i += BATCH) {
    const rows = pairs.slice(i, i + BATCH).map(([v, n]) => `(${numeric ? Number(v).toPrecision(17) : quoteLiteral(String(v))}, ${n})`);
    await engine.query(`INSERT INTO "${table}" VALUES ${rows.join(", ")}`);
  }
  const std = numeric && info.m2 !== null && info.count > 0 ? Math.sqrt(info.m2 / info.count) : void 0;
  return { sql: `SELECT v, n FROM "${table}"`, rows: info.count, std, basis: info.values ? "profile" : "sample" };
}
function countSample(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()];
}

// src/drift/select.ts
function autoMethod(facts) {
  if (facts.referenceRows <= 1e3) {
    if (facts.kind === "numerical" && facts.distinct > 5) return "ks";
    return facts.distinct > 2 ? "chisquare" : "z";
  }
  if (facts.kind === "numerical" && facts.distinct > 5) return "wasserstein";
  return "jensenshannon";
}

// src/drift/verdict.ts
function verdict(rule, statistic, pValue, threshold) {
  if (rule === "p<=") return pValue !== null && pValue <= threshold;
  if (rule === "p<") return pValue !== null && pValue < threshold;
  return statistic !== null && statistic >= threshold;
}

// src/drift/detect.ts
async function columnInfo(engine, request) {
  const reference = request.reference.kind === "data" ? (await engine.columns(request.reference.table, request.reference.data)).map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type) })) : request.reference.profile.columns.map((c) => ({ name: c.name, type: c.type, kind: c.kind }));
  const current = (await engine.columns(request.current.table, request.current.data)).map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type) }));
  const names = [...reference.map((c) => c.name), ...current.map((c) => c.name).filter((name) => !reference.some((c) => c.name === name))];
  const infos = names.map((name) => {
    const r = reference.find((c2) => c2.name === name);
    const c = current.find((col) => col.name === name);
    return { name, ...r ? { reference: { type: r.type, kind: r.kind } } : {}, ...c ? { current: { type: c.type, kind: c.kind } } : {} };
  });
  if (!request.columns) {
    const excluded = excludedColumns(names, request.exclude ?? []);
    return { infos: infos.filter((info) => !excluded.some((entry) => entry.column === info.name)), excluded };
  }
  const unknown = request.columns.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new UsageError(`column "${unknown[0]}" is in neither the reference nor the current data; they have: ${names.join(", ")}`);
  return { infos: request.columns.map((name) => infos.find((info) => info.name === name)), excluded: [] };
}
function untested(info, status, note, rows) {
  return {
    column: info.name,
    kind: info.reference?.kind ?? info.current?.kind ?? "other",
    method: null,
    statistic: null,
    pValue: null,
    threshold: null,
    rule: null,
    drifted: false,
    referenceRows: rows.reference,
    currentRows: rows.current,
    status,
    basis: null,
    description: null,
    note
  };
}
function planColumn(info) {
  const noRows = { reference: 0, current: 0 };
  if (!info.reference) return untested(info, "missing_in_reference", "not in the reference data", noRows);
  if (!info.current) return untested(info, "missing_in_current", "not in the current data", noRows);
  const kind = info.reference.kind;
  if (kind !== "numerical" && kind !== "categorical") {
    return untested(info, "skipped", `${info.reference.type} columns are not tested for drift (as in Evidently)`, noRows);
  }
  return kind === "numerical" && info.current.kind !== "numerical" ? "categorical" : kind;
}
async function testColumn(engine, request, sides, info, testedKind, index) {
  const reference = request.reference.kind === "data" ? { sql: sides.reference.relation(info.name), rows: void 0, std: void 0, basis: "data" } : await profileRelation(engine, request.reference.profile, info.name, `drift_profile_${index}`);
  const evidence = await duckdbEvidence(engine, {
    kind: testedKind,
    reference: reference.sql,
    current: sides.current.relation(info.name),
    table: `drift_column_${index}`,
    ...reference.std !== void 0 ? { referenceStd: reference.std } : {}
  });
  const referenceRows = reference.rows ?? evidence.reference.rows;
  const rows = { reference: referenceRows, current: evidence.current.rows };
  if (evidence.reference.rows === 0 || evidence.current.rows === 0) {
    const side = evidence.reference.rows === 0 ? "reference" : "current";
    return untested(info, "empty", `no values in the ${side} data (all null)`, rows);
  }
  const method = request.methods[info.name] ?? autoMethod({ kind: testedKind, referenceRows, distinct: evidence.distinct });
  const test = DRIFT_TESTS[method];
  if (!test.kinds.includes(testedKind)) {
    throw new UsageError(`method ${method} for column "${info.name}" needs a ${test.kinds.join(" or ")} column; "${info.name}" is ${testedKind}`);
  }
  const threshold = request.thresholds[info.name] ?? test.defaultThreshold;
  const outcome = await test.run(evidence);
  const distribution = request.distributions === false ? void 0 : outcome.distribution ?? await chartDistribution(evidence);
  await engine.query(`DROP TABLE IF EXISTS drift_column_${index}`);
  const basisNote = reference.basis === "sample" ? `reference: a reservoir sample of ${evidence.reference.rows} of ${referenceRows} values` : void 0;
  const note = [outcome.note, basisNote].filter(Boolean).join("; ");
  return {
    column: info.name,
    kind: testedKind,
    method,
    statistic: outcome.statistic,
    pValue: outcome.pValue,
    threshold,
    rule: test.rule,
    drifted: verdict(test.rule, outcome.statistic, outcome.pValue, threshold),
    referenceRows,
    currentRows: evidence.current.rows,
    status: "tested",
    basis: reference.basis,
    description: test.description,
    ...note ? { note } : {},
    ...distribution ? { distribution } : {}
  };
}
async function chartDistribution(evidence) {
  const binned = await binnedCounts(evidence);
  return { labels: binned.labels, ...shares(binned, evidence) };
}
function applyCorrection(columns, correction) {
  if (correction === "none") return;
  const withP = columns.filter((c) => c.status === "tested" && c.pValue !== null);
  const adjusted = adjustPValues(
    withP.map((c) => c.pValue),
    correction
  );
  withP.forEach((column, i) => {
    column.pValueAdjusted = adjusted[i];
    column.drifted = verdict(column.rule, column.statistic, adjusted[i], column.threshold);
  });
}
async function detectDrift(engine, request) {
  const { infos, excluded } = await columnInfo(engine, request);
  const planned = infos.map(planColumn);
  const plan = infos.flatMap((info, i) => typeof planned[i] === "string" ? [{ name: info.name, kind: planned[i] }] : []);
  const cacheKey = JSON.stringify(plan);
  const cached = request.referenceCache?.get(cacheKey);
  const reference = request.reference.kind === "data" ? cached ?? await groupSide(engine, request.reference.table, plan, `drift_reference_counts_${request.referenceCache?.size ?? 0}`) : void 0;
  if (reference && !cached) request.referenceCache?.set(cacheKey, reference);
  const sides = {
    reference,
    current: await groupSide(engine, request.current.table, plan, "drift_current_counts")
  };
  const columns = [];
  for (const [index, info] of infos.entries()) {
    const kind = planned[index];
    columns.push(typeof kind === "string" ? await testColumn(engine, request, sides, info, kind, index) : kind);
  }
  applyCorrection(columns, request.correction);
  const tested = columns.filter((c) => c.status === "tested").length;
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const share = tested === 0 ? 0 : driftedColumns / tested;
  const referenceRows = request.reference.kind === "profile" ? request.reference.profile.rows : sides.reference.rows;
  return {
    drifted: tested > 0 && share >= request.driftShare,
    share,
    driftShare: request.driftShare,
    correction: request.correction,
    reference: { source: request.reference.source, kind: request.reference.kind, rows: referenceRows },
    current: { source: request.current.source, rows: sides.current.rows },
    tested,
    driftedColumns,
    columns,
    excluded
  };
}

export {
  driftExclusions,
  DRIFT_TESTS,
  driftTest,
  autoMethod,
  verdict,
  applyCorrection,
  detectDrift
};
