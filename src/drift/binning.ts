/**
 * Evidently's `get_binned_data`: numerical columns with more than 20 distinct reference
 * values go into Sturges bins over both sides together; anything else gets one bin per
 * distinct value. Shares are counts over each side's rows.
 */
import { sturgesEdges } from './math/sturges.ts';
import type { ColumnEvidence } from './types.ts';

export interface Binned {
  labels: string[];
  reference: number[];
  current: number[];
  /** How the bins were made, for the output. */
  note: string;
}

export function unionRange(evidence: ColumnEvidence): [number, number] {
  const { reference: r, current: c } = evidence;
  return [Math.min(r.min ?? Infinity, c.min ?? Infinity), Math.max(r.max ?? -Infinity, c.max ?? -Infinity)];
}

export function edgeLabel(edges: number[], i: number): string {
  const fmt = (x: number) => x.toLocaleString('en-US', { maximumSignificantDigits: 4 });
  return `${fmt(edges[i]!)}–${fmt(edges[i + 1]!)}`;
}

export async function binnedCounts(evidence: ColumnEvidence): Promise<Binned> {
  if (evidence.kind === 'numerical' && evidence.reference.distinct > 20) {
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
    note: `one bin per distinct value (${values.length})`,
  };
}

/** Counts as shares of each side's rows. */
export function shares(binned: Binned, evidence: ColumnEvidence): { reference: number[]; current: number[] } {
  return {
    reference: binned.reference.map((count) => count / evidence.reference.rows),
    current: binned.current.map((count) => count / evidence.current.rows),
  };
}
