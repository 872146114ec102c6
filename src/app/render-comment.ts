/**
 * The sticky PR comment: the verdict first, then one row per metric, the commit it
 * judged and the run it came from. Deterministic for equal inputs, so an unchanged
 * result gives an identical body and no edit.
 */
import type { ComparisonResult, MetricRow } from '../comparison/types.ts';

export interface CommentFacts {
  model: string;
  headSha: string;
  runUrl: string;
  championLabel: string;
  result: ComparisonResult | null;
  /** Why there is no result (a failed run, an unsafe artifact). */
  problem: string | null;
  fromFork: boolean;
}

/** The commit a comment judged, hidden: a push to that same commit does not make it stale. */
export const commitMarker = (sha: string): string => `<!-- trainyard-commit:${sha} -->`;

export function judgedCommit(body: string): string | null {
  return /<!-- trainyard-commit:([0-9a-f]{40}) -->/.exec(body)?.[1] ?? null;
}

const ICON = { pass: '✅', fail: '❌', inconclusive: '⚠️' } as const;
const num = (value: number | null): string => (value === null ? '—' : String(Math.round(value * 1e4) / 1e4));

function row(metric: MetricRow): string {
  const delta = metric.candidate !== null && metric.champion !== null ? num(metric.candidate - metric.champion) : '—';
  const status = metric.status ? `${ICON[metric.status]} ${metric.status}` : 'info';
  return `| ${metric.name} | ${num(metric.candidate)} | ${num(metric.champion)} | ${delta} | ${status} | ${metric.reason} |`;
}

export function renderComment(facts: CommentFacts): string {
  const lines: string[] = [];
  if (facts.result) {
    lines.push(`### ${ICON[facts.result.verdict]} trainyard: ${facts.model} — ${facts.result.verdict}`, '', facts.result.summary, '');
    lines.push(`Candidate at ${facts.headSha.slice(0, 7)} against ${facts.championLabel}, recomputed by the App from the run's raw metrics.`, '');
    lines.push('| metric | candidate | champion | change | result | why |', '| --- | --- | --- | --- | --- | --- |', ...facts.result.rows.map(row), '');
  } else {
    lines.push(`### ❌ trainyard: ${facts.model} — no comparison`, '', facts.problem ?? 'the run produced no candidate', '');
  }
  if (facts.fromFork) lines.push('This run came from a fork: its metrics were written by the fork\'s code. Promotion retrains on the default branch and never uses them.', '');
  lines.push(`[Pipeline run](${facts.runUrl})`, '', commitMarker(facts.headSha));
  return lines.join('\n');
}
