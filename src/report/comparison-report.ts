/**
 * The comparison as a reviewer reads it: in the pull-request comment, the job summary
 * and the check run. Verdict first, then one row per metric (champion, candidate,
 * change, interval, gate), the checks of the data, a chart of the primary metric across
 * versions with a table beside it, and the lineage folded away. Pure: data in, text out.
 */
import type { MetricValues } from '../metrics/read-metrics.ts';
import type { Lineage } from '../train/lineage.ts';
import { CHECK_OUTPUT_LIMIT, COMMENT_LIMIT, fitSections, truncateTable, type Section } from './fit.ts';
import { formatBytes, formatChange, formatNumber, formatSeconds } from '../util/format.ts';
import { commentMarker } from '../github/sticky-comment.ts';
import { summarize, type Comparison, type MetricComparison, type MetricStatus, type Verdict } from '../metrics/compare.ts';
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
  /** Null when there is no comparison; `problem` says why (a failed run, an unsafe artifact). */
  comparison: Comparison | null;
  problem?: string;
  /** How the baseline is called in the table: "champion" by default, or its version. */
  baselineName?: string;
  /** Sentences trainyard writes about where the numbers come from (never text from a pull request). */
  notes?: string[];
  checks?: CheckLine[];
  history?: VersionMetrics[];
  lineage?: Lineage | null;
  /** A link to the workflow run with the artifacts. */
  runUrl?: string;
  /** The commit the comparison judged: recorded, hidden, on the comment's last line. */
  commit?: string;
}

export { commentMarker };

/** The hidden line that records the judged commit; always the comment's last line. */
export const commitMarker = (sha: string): string => `<!-- trainyard-commit:${sha} -->`;

/**
 * The commit a comment judged, read only from its last line, where the renderer puts
 * it: a marker inside the text (a forged one in a metric name) is never read.
 */
export function judgedCommit(body: string): string | null {
  return /(?:^|\n)<!-- trainyard-commit:([0-9a-f]{40}) -->\n?$/.exec(body)?.[1] ?? null;
}

/** The longest metric name or label shown; longer ones are cut with an ellipsis. */
export const NAME_LIMIT = 120;
/** The longest problem text shown. */
export const PROBLEM_LIMIT = 2000;

/**
 * Text that may come from a pull request (metric names, error messages quoting a
 * file) as an inline code span: no Markdown, link, autolink or HTML inside is
 * interpreted. `<` and `>` become ‹ ›, so no HTML comment (a forged marker) is written;
 * `@`, `://` and `](` get a zero-width space, so no mention pings and no link survives
 * a copy; backticks and line breaks cannot end the span. Cut to `limit` characters.
 */
export function quote(text: string, limit = NAME_LIMIT): string {
  const cleaned = [...text.replace(/[\r\n\t]+/g, ' ')]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f')
    .map((char) => ({ '`': "'", '<': '‹', '>': '›', '@': '@\u200b' })[char] ?? char)
    .join('')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\]\(/g, ']\u200b(');
  const chars = [...cleaned];
  const cut = chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : cleaned;
  return `\`${cut.startsWith(' ') || cut.endsWith(' ') ? ` ${cut} ` : cut}\``;
}

/** A metric name as shown: plain when it is a plain identifier, quoted otherwise. */
function name(text: string): string {
  return /^[A-Za-z0-9_.-]{1,120}$/.test(text) ? text : quote(text);
}

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };
const STATUS_TEXT: Record<MetricStatus, string> = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', info: '—' };
const CHECK_ICON: Record<CheckLine['status'], string> = { pass: '✅', fail: '❌', warn: '⚠️' };

/** Pipes and newlines would break a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** A sentence trainyard wrote (a gate's reason): one line, no HTML tag or comment, no mention. */
function sentence(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/<(?=[A-Za-z!/?])/g, '&lt;').replace(/(^|[^A-Za-z0-9_])@/g, '$1@\u200b');
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

const value = (number: number | null): string => (number === null ? '—' : formatNumber(number));

function metricsTable(comparison: Comparison, baselineName: string): string {
  const level = comparison.significance ? `${Math.round(comparison.significance.confidence * 1000) / 10}% interval` : 'interval';
  const withIntervals = comparison.metrics.some((metric) => metric.ci !== null);
  const head = withIntervals
    ? [`| metric | ${cell(baselineName)} | candidate | change | ${level} | gate |`, '| --- | ---: | ---: | ---: | :---: | :---: |']
    : [`| metric | ${cell(baselineName)} | candidate | change | gate |`, '| --- | ---: | ---: | ---: | :---: |'];
  const lines = [...head];
  for (const metric of comparison.metrics) {
    const ci = metric.ci ? `[${formatChange(metric.ci[0])}, ${formatChange(metric.ci[1])}]` : '—';
    const by = metric.source === 'trainer' ? ' (reported by the trainer)' : '';
    const cells = [`${cell(name(metric.name))}${arrow(metric)}${by}`, value(metric.baseline), value(metric.candidate), changeText(metric), ...(withIntervals ? [ci] : []), STATUS_TEXT[metric.status]];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function headline(report: ComparisonReport, comparison: Comparison): string {
  const verb = { pass: 'passes', fail: 'fails', inconclusive: 'is inconclusive' }[comparison.verdict];
  const against = comparison.baselineUnavailable
    ? `threshold rules only: the ${report.baselineName ?? 'champion'} could not be judged on the evaluation rows`
    : comparison.hasBaseline ? `against the ${report.baselineName ?? 'champion'}` : 'with no baseline yet (first model: threshold rules only)';
  const summary = summarize(comparison.verdict, comparison.metrics, name);
  const lines = [`## ${VERDICT_ICON[comparison.verdict]} trainyard: ${report.model} ${verb}`, '', `**${summary}**, ${against}.`];
  for (const note of report.notes ?? []) lines.push('', sentence(note));
  const sig = comparison.significance;
  if (sig) {
    const rows = `${sig.rows.shared.toLocaleString('en-US')} shared rows`;
    const unpaired = sig.rows.candidateOnly + sig.rows.baselineOnly > 0 ? ` (${sig.rows.candidateOnly.toLocaleString('en-US')} only in the candidate's predictions, ${sig.rows.baselineOnly.toLocaleString('en-US')} only in the baseline's)` : '';
    const role = sig.gating ? 'gate the change' : 'are shown, not gating (add `significance` to the policy to gate on them)';
    lines.push('', `Intervals: paired bootstrap over ${rows}${unpaired}, ${sig.resamples.toLocaleString('en-US')} resamples, seed ${sig.seed}; they ${role}.`);
  }
  return lines.join('\n');
}

function problemHeadline(report: ComparisonReport): string {
  const lines = [`## ❌ trainyard: ${report.model}: no comparison`, '', quote(report.problem ?? 'the run produced no candidate', PROBLEM_LIMIT)];
  for (const note of report.notes ?? []) lines.push('', sentence(note));
  return lines.join('\n');
}

function reasons(comparison: Comparison): string {
  const gated = comparison.metrics.filter((metric) => metric.status !== 'info');
  if (gated.length === 0) return '';
  const lines = gated.map((metric) => `- **${name(metric.name)}** ${STATUS_TEXT[metric.status]}: ${sentence(metric.reason)}`);
  return ['<details><summary>Why each gate decided as it did</summary>', '', ...lines, '', '</details>'].join('\n');
}

/** The tests of the differences; empty (no heading) when no metric has one. */
function tests(comparison: Comparison): string {
  const lines: string[] = [];
  for (const metric of comparison.metrics) {
    const test = metric.test;
    if (!test) continue;
    if (test.test === 'mcnemar-exact') {
      lines.push(`- ${name(metric.name)}: McNemar exact test p = ${formatNumber(test.p)} (${test.b} rows only the candidate gets right, ${test.c} only the baseline)`);
    } else {
      lines.push(`- ${name(metric.name)}: DeLong test p = ${formatNumber(test.p)} (z = ${test.z.toFixed(2)})`);
    }
  }
  return lines.length === 0 ? '' : ['Significance of the differences:', '', ...lines].join('\n');
}

function checks(list: CheckLine[] | undefined): string {
  if (!list || list.length === 0) return '';
  return ['### Data checks', '', ...list.map((line) => `- ${CHECK_ICON[line.status]} **${cell(line.name)}**: ${sentence(line.summary)}`)].join('\n');
}

function history(report: ComparisonReport, comparison: Comparison): string {
  const primary = comparison.metrics.find((metric) => metric.status !== 'info') ?? comparison.metrics[0];
  if (!primary || primary.candidate === null) return '';
  const points = (report.history ?? [])
    .filter((entry) => Object.hasOwn(entry.metrics, primary.name))
    .map((entry) => ({ label: entry.version, value: entry.metrics[primary.name]! }));
  if (points.length === 0 && primary.baseline !== null) points.push({ label: report.baselineName ?? 'champion', value: primary.baseline });
  points.push({ label: 'candidate', value: primary.candidate });
  if (points.length < 2) return '';
  const shown = cell(name(primary.name));
  const table = [`| version | ${shown} |`, '| --- | ---: |', ...points.map((point) => `| ${cell(sentence(point.label))} | ${formatNumber(point.value)} |`)].join('\n');
  return [`### ${shown} across versions`, '', lineChart({ title: `${primary.name} by version`, axis: primary.name, points }), '', table].join('\n');
}

function lineage(value: Lineage | null | undefined): string {
  if (!value) return '';
  const bytes = value.data.reduce((sum, file) => sum + file.bytes, 0);
  const lines = [
    `- commit: ${value.commit ? `\`${value.commit.slice(0, 12)}\`${value.dirty ? ' (with uncommitted changes)' : ''}` : 'none'}`,
    `- command: ${quote(value.command, 500)} (seed ${value.seed}, exit ${value.exitStatus}, ${formatSeconds(value.durationSeconds)})`,
    `- params: ${Object.keys(value.params).length === 0 ? 'none' : Object.entries(value.params).map(([key, param]) => quote(`${key}=${String(param)}`)).join(', ')}`,
    `- data: ${value.data.length} file${value.data.length === 1 ? '' : 's'}, ${formatBytes(bytes)}${value.data.map((file) => `\n  - ${quote(file.path)} sha256 \`${file.sha256.slice(0, 16)}…\``).join('')}`,
    `- runner: ${value.runner.name ?? 'local'} (${value.runner.os}/${value.runner.arch}), node ${value.versions.node}, trainyard ${value.versions.trainyard}`,
  ];
  return ['<details><summary>Lineage</summary>', '', ...lines, '', '</details>'].join('\n');
}

function sections(report: ComparisonReport, limit: number): Section[] {
  const footer = report.runUrl ? `[Workflow run and artifacts](${report.runUrl})` : '';
  const { comparison } = report;
  if (!comparison) return [{ text: problemHeadline(report), priority: 10 }, { text: checks(report.checks), priority: 6 }, { text: footer, priority: 8 }];
  const head = headline(report, comparison);
  const table = metricsTable(comparison, report.baselineName ?? 'champion');
  // The table keeps what the other sections leave of the budget.
  const tableBudget = Math.max(1000, limit - head.length - footer.length - 200);
  return [
    { text: head, priority: 10 },
    { text: truncateTable(table, tableBudget), priority: 9 },
    { text: reasons(comparison), priority: 3, fallback: '' },
    { text: tests(comparison), priority: 4 },
    { text: checks(report.checks), priority: 6 },
    { text: history(report, comparison), priority: 2 },
    { text: lineage(report.lineage), priority: 1 },
    { text: footer, priority: 8 },
  ];
}

/** Fits the sections into `limit` characters, keeping room for the hidden commit line. */
function render(report: ComparisonReport, limit: number): string {
  const tail = report.commit ? `\n${commitMarker(report.commit)}` : '';
  return `${fitSections(sections(report, limit - tail.length), limit - tail.length)}${tail}`;
}

/**
 * The sticky comment's body, without the model's marker (upsertStickyComment puts the
 * marker on the first line): at most COMMENT_LIMIT characters with the marker.
 */
export function renderCommentBody(report: ComparisonReport): string {
  return render(report, COMMENT_LIMIT - commentMarker(report.model).length - 1);
}

/** The sticky pull-request comment as posted: the marker line, then the body. */
export function renderPrComment(report: ComparisonReport): string {
  return `${commentMarker(report.model)}\n${renderCommentBody(report)}`;
}

/** The job summary ($GITHUB_STEP_SUMMARY): the comment without its markers. */
export function renderJobSummary(report: ComparisonReport): string {
  return render({ ...report, commit: undefined }, COMMENT_LIMIT);
}

/** GitHub's limit on a check run's title. */
export const CHECK_TITLE_LIMIT = 255;

/** The check run `trainyard / <model>`: conclusion, title and summary. */
export function renderCheckOutput(report: ComparisonReport): { conclusion: 'success' | 'failure'; title: string; summary: string } {
  const { comparison } = report;
  // Inconclusive blocks like a failure: the change is not shown to be real.
  const conclusion = comparison?.verdict === 'pass' ? 'success' : 'failure';
  const title = comparison ? summarize(comparison.verdict, comparison.metrics, (metric) => (/^[A-Za-z0-9_.-]{1,120}$/.test(metric) ? metric : quote(metric, 40))) : 'No comparison';
  const cut = title.length > CHECK_TITLE_LIMIT ? `${title.slice(0, CHECK_TITLE_LIMIT - 1)}…` : title;
  return { conclusion, title: cut, summary: render({ ...report, commit: undefined }, CHECK_OUTPUT_LIMIT) };
}
