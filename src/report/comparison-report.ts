/**
 * The comparison as a reviewer reads it: in the pull-request comment, the job summary
 * and the check run. Verdict first, then one row per metric (champion, candidate,
 * change, interval, gate), the checks of the data, a chart of the primary metric across
 * versions with a table beside it, and the lineage folded away. Pure: data in, text out.
 */
import type { Comparison, MetricComparison, MetricStatus, Verdict } from '../metrics/compare.ts';
import type { MetricValues } from '../metrics/read-metrics.ts';
import type { Lineage } from '../train/lineage.ts';
import { CHECK_OUTPUT_LIMIT, COMMENT_LIMIT, fitSections, truncateTable, type Section } from './fit.ts';
import { formatBytes, formatChange, formatNumber, formatSeconds } from './format.ts';
import { lineChart } from './mermaid.ts';

/** A line about the data: validation, drift, or any other check of this run. */
export interface CheckLine {
  name: string;
  status: 'pass' | 'fail' | 'warn';
  summary: string;
}

/** A previous model version and its metrics, oldest first. */
export interface VersionMetrics {
  version: string;
  metrics: MetricValues;
}

export interface ComparisonReport {
  model: string;
  comparison: Comparison;
  /** How the baseline is called in the table: "champion" by default, or its version. */
  baselineName?: string;
  checks?: CheckLine[];
  history?: VersionMetrics[];
  lineage?: Lineage | null;
  /** A link to the workflow run with the artifacts. */
  runUrl?: string;
}

/** The hidden marker that finds this model's sticky comment again. */
export function commentMarker(model: string): string {
  return `<!-- trainyard:${model} -->`;
}

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const STATUS_TEXT: Record<MetricStatus, string> = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', info: '—' };
const CHECK_ICON: Record<CheckLine['status'], string> = { pass: '✅', fail: '❌', warn: '⚠️' };

/** Pipes and newlines would break a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function changeText(metric: MetricComparison): string {
  if (metric.delta === null) return '—';
  const relative = metric.relative === null ? '' : ` (${metric.relative > 0 ? '+' : ''}${(metric.relative * 100).toFixed(1)}%)`;
  return `${formatChange(metric.delta)}${relative}`;
}

function arrow(metric: MetricComparison): string {
  if (metric.greaterIsBetter === null) return '';
  return metric.greaterIsBetter ? ' ↑' : ' ↓';
}

function metricsTable(comparison: Comparison, baselineName: string): string {
  const level = comparison.significance ? `${Math.round(comparison.significance.confidence * 1000) / 10}% interval` : 'interval';
  const lines = [`| metric | ${cell(baselineName)} | candidate | change | ${level} | gate |`, '| --- | ---: | ---: | ---: | :---: | :---: |'];
  for (const metric of comparison.metrics) {
    const ci = metric.ci ? `[${formatChange(metric.ci[0])}, ${formatChange(metric.ci[1])}]` : '—';
    const baseline = metric.baseline === null ? '—' : formatNumber(metric.baseline);
    lines.push(`| ${cell(metric.name)}${arrow(metric)} | ${baseline} | ${formatNumber(metric.candidate)} | ${changeText(metric)} | ${ci} | ${STATUS_TEXT[metric.status]} |`);
  }
  return lines.join('\n');
}

function headline(report: ComparisonReport): string {
  const { comparison } = report;
  const verb = { pass: 'passes', fail: 'fails', inconclusive: 'is inconclusive' }[comparison.verdict];
  const against = comparison.hasBaseline ? `against the ${report.baselineName ?? 'champion'}` : 'with no baseline yet (first model: threshold rules only)';
  const lines = [`## ${VERDICT_ICON[comparison.verdict]} trainyard: ${report.model} ${verb}`, '', `**${comparison.summary}**, ${against}.`];
  const sig = comparison.significance;
  if (sig) {
    const rows = `${sig.rows.shared.toLocaleString('en-US')} shared rows`;
    const unpaired = sig.rows.candidateOnly + sig.rows.baselineOnly > 0 ? ` (${sig.rows.candidateOnly.toLocaleString('en-US')} only in the candidate's predictions, ${sig.rows.baselineOnly.toLocaleString('en-US')} only in the baseline's)` : '';
    const role = sig.gating ? 'gate the change' : 'are shown, not gating (add `significance` to the policy to gate on them)';
    lines.push('', `Intervals: paired bootstrap over ${rows}${unpaired}, ${sig.resamples.toLocaleString('en-US')} resamples, seed ${sig.seed}; they ${role}.`);
  }
  return lines.join('\n');
}

function reasons(comparison: Comparison): string {
  const gated = comparison.metrics.filter((metric) => metric.status !== 'info');
  if (gated.length === 0) return '';
  const lines = gated.map((metric) => `- **${cell(metric.name)}** ${STATUS_TEXT[metric.status]}: ${metric.reason}`);
  return ['<details><summary>Why each gate decided as it did</summary>', '', ...lines, '', '</details>'].join('\n');
}

function tests(comparison: Comparison): string {
  const lines: string[] = [];
  for (const metric of comparison.metrics) {
    const test = metric.test;
    if (!test) continue;
    if (test.test === 'mcnemar-exact') {
      lines.push(`- ${metric.name}: McNemar exact test p = ${formatNumber(test.p)} (${test.b} rows only the candidate gets right, ${test.c} only the baseline)`);
    } else {
      lines.push(`- ${metric.name}: DeLong test p = ${formatNumber(test.p)} (z = ${test.z.toFixed(2)})`);
    }
  }
  return lines.length === 0 ? '' : ['Significance of the differences:', '', ...lines].join('\n');
}

function checks(list: CheckLine[] | undefined): string {
  if (!list || list.length === 0) return '';
  return ['### Data checks', '', ...list.map((line) => `- ${CHECK_ICON[line.status]} **${cell(line.name)}**: ${line.summary}`)].join('\n');
}

function history(report: ComparisonReport): string {
  const primary = report.comparison.metrics.find((metric) => metric.status !== 'info') ?? report.comparison.metrics[0];
  if (!primary) return '';
  const points = (report.history ?? [])
    .filter((entry) => entry.metrics[primary.name] !== undefined)
    .map((entry) => ({ label: entry.version, value: entry.metrics[primary.name]! }));
  if (points.length === 0 && primary.baseline !== null) points.push({ label: report.baselineName ?? 'champion', value: primary.baseline });
  points.push({ label: 'candidate', value: primary.candidate });
  if (points.length < 2) return '';
  const table = ['| version | ' + cell(primary.name) + ' |', '| --- | ---: |', ...points.map((point) => `| ${cell(point.label)} | ${formatNumber(point.value)} |`)].join('\n');
  return [`### ${cell(primary.name)} across versions`, '', lineChart({ title: `${primary.name} by version`, axis: primary.name, points }), '', table].join('\n');
}

function lineage(value: Lineage | null | undefined): string {
  if (!value) return '';
  const bytes = value.data.reduce((sum, file) => sum + file.bytes, 0);
  const lines = [
    `- commit: ${value.commit ? `\`${value.commit.slice(0, 12)}\`${value.dirty ? ' (with uncommitted changes)' : ''}` : 'none'}`,
    `- command: \`${value.command.replace(/`/g, "'")}\` (seed ${value.seed}, exit ${value.exitStatus}, ${formatSeconds(value.durationSeconds)})`,
    `- params: ${Object.keys(value.params).length === 0 ? 'none' : Object.entries(value.params).map(([key, param]) => `\`${key}=${String(param)}\``).join(', ')}`,
    `- data: ${value.data.length} file${value.data.length === 1 ? '' : 's'}, ${formatBytes(bytes)}${value.data.map((file) => `\n  - \`${file.path}\` sha256 \`${file.sha256.slice(0, 16)}…\``).join('')}`,
    `- runner: ${value.runner.name ?? 'local'} (${value.runner.os}/${value.runner.arch}), node ${value.versions.node}, trainyard ${value.versions.trainyard}`,
  ];
  return ['<details><summary>Lineage</summary>', '', ...lines, '', '</details>'].join('\n');
}

function sections(report: ComparisonReport, limit: number): Section[] {
  const head = headline(report);
  const table = metricsTable(report.comparison, report.baselineName ?? 'champion');
  const footer = report.runUrl ? `[Workflow run and artifacts](${report.runUrl})` : '';
  // The table keeps what the other sections leave of the budget.
  const tableBudget = Math.max(1000, limit - head.length - footer.length - 200);
  return [
    { text: head, priority: 10 },
    { text: truncateTable(table, tableBudget), priority: 9 },
    { text: reasons(report.comparison), priority: 3, fallback: '' },
    { text: tests(report.comparison), priority: 4 },
    { text: checks(report.checks), priority: 6 },
    { text: history(report), priority: 2 },
    { text: lineage(report.lineage), priority: 1 },
    { text: footer, priority: 8 },
  ];
}

/** The sticky pull-request comment, with its hidden marker. */
export function renderPrComment(report: ComparisonReport): string {
  const marker = commentMarker(report.model);
  return `${marker}\n${fitSections(sections(report, COMMENT_LIMIT - marker.length - 1), COMMENT_LIMIT - marker.length - 1)}`;
}

/** The job summary ($GITHUB_STEP_SUMMARY): the comment without its marker. */
export function renderJobSummary(report: ComparisonReport): string {
  return fitSections(sections(report, COMMENT_LIMIT), COMMENT_LIMIT);
}

/** The check run `trainyard / <model>`: conclusion, title and summary. */
export function renderCheckOutput(report: ComparisonReport): { conclusion: 'success' | 'failure'; title: string; summary: string } {
  const { verdict, summary } = report.comparison;
  // Inconclusive blocks like a failure: the change is not shown to be real.
  const conclusion = verdict === 'pass' ? 'success' : 'failure';
  return { conclusion, title: `${report.model}: ${summary}`.slice(0, 255), summary: fitSections(sections(report, CHECK_OUTPUT_LIMIT), CHECK_OUTPUT_LIMIT) };
}
