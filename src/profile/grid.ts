/**
 * Histograms on a grid of power-of-two widths: bin i covers [i·w, (i+1)·w). Two grids
 * with widths 2^a <= 2^b meet exactly on the coarser one, so histograms of shards merge
 * into exactly the histogram of the whole: the width is the smallest power of two that
 * spans the range in at most MAX_BINS bins, which only grows with the range.
 */
import { MAX_BINS, type GridHistogram } from './types.ts';

export function binsNeeded(min: number, max: number, width: number): number {
  return Math.floor(max / width) - Math.floor(min / width) + 1;
}

/**
 * The smallest power-of-two width covering [min, max] in at most MAX_BINS bins, and no
 * finer than 2^-52 of the largest magnitude (so value / width stays an exact integer).
 */
export function gridWidth(min: number, max: number): number {
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const finest = magnitude > 0 ? Math.max(Math.floor(Math.log2(magnitude)) - 52, -1074) : -1074;
  let exponent = Math.max(finest, Math.floor(Math.log2(Math.max((max - min) / MAX_BINS, Number.MIN_VALUE))));
  while (exponent - 1 >= finest && binsNeeded(min, max, 2 ** (exponent - 1)) <= MAX_BINS) exponent--;
  while (binsNeeded(min, max, 2 ** exponent) > MAX_BINS) exponent++;
  return 2 ** exponent;
}

/** Re-bins a histogram onto a coarser (or equal) power-of-two width. */
export function coarsen(histogram: GridHistogram, width: number): GridHistogram {
  const factor = width / histogram.width;
  const start = Math.floor(histogram.start / factor);
  const counts: number[] = [];
  histogram.counts.forEach((count, i) => {
    const bin = Math.floor((histogram.start + i) / factor) - start;
    counts[bin] = (counts[bin] ?? 0) + count;
  });
  return { width, start, counts: Array.from(counts, (count) => count ?? 0) };
}

export function mergeHistograms(a: GridHistogram, b: GridHistogram, min: number, max: number): GridHistogram {
  let width = Math.max(a.width, b.width);
  while (binsNeeded(min, max, width) > MAX_BINS) width *= 2;
  const left = coarsen(a, width);
  const right = coarsen(b, width);
  const start = Math.min(left.start, right.start);
  const end = Math.max(left.start + left.counts.length, right.start + right.counts.length);
  const counts = new Array<number>(end - start).fill(0);
  for (const part of [left, right]) part.counts.forEach((count, i) => (counts[part.start - start + i]! += count));
  return { width, start, counts };
}

/** Bin edges of a grid histogram, for charts. */
export function gridEdges(histogram: GridHistogram): number[] {
  return Array.from({ length: histogram.counts.length + 1 }, (_, i) => (histogram.start + i) * histogram.width);
}
