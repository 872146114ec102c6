/**
 * Hellinger distance sqrt(1 - BC) as Evidently's `hellinger` test: the Bhattacharyya
 * coefficient over category shares, or over density histograms on Sturges edges of the
 * distinct values for numerical columns.
 */
import { edgeLabel, unionRange } from '../binning.ts';
import { sturgesEdges } from '../math/sturges.ts';
import type { DriftTest, TestOutcome } from '../types.ts';

function distance(coefficient: number): number {
  return Math.sqrt(1 - Math.min(Math.max(coefficient, 0), 1));
}

export const hellinger: DriftTest = {
  name: 'hellinger',
  description: 'Hellinger distance sqrt(1 - Bhattacharyya coefficient) (Evidently hellinger)',
  kinds: ['numerical', 'categorical'],
  rule: '>=',
  defaultThreshold: 0.1,
  async run(evidence): Promise<TestOutcome> {
    const nr = evidence.reference.rows;
    const nc = evidence.current.rows;
    if (evidence.kind === 'categorical') {
      const counts = await evidence.valueCounts();
      let coefficient = 0;
      for (const entry of counts) coefficient += Math.sqrt((entry.reference / nr) * (entry.current / nc));
      return { statistic: distance(coefficient), pValue: null, note: `one bin per distinct value (${counts.length})` };
    }
    const [min, max] = unionRange(evidence);
    const edges = sturgesEdges(min, max, evidence.distinct);
    const counts = await evidence.histogram(edges);
    const width = (edges[edges.length - 1]! - edges[0]!) / (edges.length - 1);
    const totalR = counts.reference.reduce((a, b) => a + b, 0);
    const totalC = counts.current.reduce((a, b) => a + b, 0);
    let coefficient = 0;
    for (let i = 0; i < edges.length - 1; i++) {
      const binWidth = edges[i + 1]! - edges[i]!;
      const densityR = counts.reference[i]! / binWidth / totalR;
      const densityC = counts.current[i]! / binWidth / totalC;
      coefficient += Math.sqrt(densityR * densityC) * width;
    }
    const labels = counts.reference.map((_, i) => edgeLabel(edges, i));
    return {
      statistic: distance(coefficient),
      pValue: null,
      note: `${labels.length} Sturges bins over the distinct values`,
      distribution: { labels, reference: counts.reference.map((c) => c / nr), current: counts.current.map((c) => c / nc) },
    };
  },
};
