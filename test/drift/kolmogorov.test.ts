import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from '../../src/drift/math/kolmogn.ts';
import { smirnov } from '../../src/drift/math/smirnov.ts';
import { fixture, relativeError, TOLERANCE } from './fixtures.ts';

interface SfCase {
  n: number;
  x: number;
  sf: number;
}

describe('kstwo.sf (scipy)', () => {
  it.each(fixture<SfCase[]>('kstwo.json'))('n=$n x=$x -> $sf', ({ n, x, sf }) => {
    expect(relativeError(kolmogorovSf(n, x), sf)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('scipy.special.smirnov', () => {
  it.each(fixture<SfCase[]>('smirnov.json'))('n=$n x=$x -> $sf', ({ n, x, sf }) => {
    expect(relativeError(smirnov(n, x), sf)).toBeLessThanOrEqual(TOLERANCE);
  });
});
