/**
 * The report of `trainyard run`: per model, how it was trained and its metrics beside
 * the trainer's baseline. Pure: plain data in, Markdown out (readable in a terminal).
 */
import { BASELINE_PREFIX, type MetricValues } from '../metrics/read-metrics.ts';
import type { StageReport } from './stage-report.ts';
import type { Lineage } from '../train/lineage.ts';
import { formatBytes, formatDelta, formatNumber, formatSeconds } from '../util/format.ts';

export interface ModelRunReport {
  name: string;
  task: string;
  description?: string;
  /** Null when training did not run (a gate stopped the model first). */
  lineage: Lineage | null;
  metrics: MetricValues;
  stages: StageReport[];
  /** Where the artifacts are, relative to the project root. */
  outputDir: string;
  artifacts: string[];
  /** Why the model stopped before registration, when it did. */
  stopped?: string;
}

export interface RunReport {
  project: string;
  models: ModelRunReport[];
}

export function pairMetrics(metrics: MetricValues): { paired: Array<{ name: string; model: number; baseline: number }>; other: Array<[string, number]> } {
  const paired: Array<{ name: string; model: number; baseline: number }> = [];
  const other: Array<[string, number]> = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (name.startsWith(BASELINE_PREFIX) && metrics[name.slice(BASELINE_PREFIX.length)] !== undefined) continue;
    const baseline = metrics[`${BASELINE_PREFIX}${name}`];
    if (baseline === undefined) other.push([name, value]);
    else paired.push({ name, model: value, baseline });
  }
  return { paired, other };
}

const STATUS_MARK: Record<StageReport['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️', info: 'ℹ️' };

/** Sections embedded under a model's heading go one level down. */
function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n');
}

function renderStages(stages: StageReport[]): string[] {
  if (stages.length === 0) return [];
  const lines = ['| stage | | result |', '| --- | --- | --- |'];
  for (const stage of stages) lines.push(`| ${stage.stage} | ${STATUS_MARK[stage.status]} | ${stage.summary.replace(/\|/g, '\\|')} |`);
  return [...lines, ''];
}

function renderModel(model: ModelRunReport): string {
  const { lineage } = model;
  const header = [`## ${model.name} (${model.task})`, ''];
  if (model.description) header.push(model.description, '');
  header.push(...renderStages(model.stages));
  if (!lineage) {
    const details = model.stages.flatMap((stage) => (stage.markdown ? [stage.markdown, ''] : []));
    const artifacts = model.artifacts.length > 0 ? [`Left in \`${model.outputDir}\`: ${model.artifacts.map((file) => `\`${file}\``).join(', ')}.`, ''] : [];
    return [...header, model.stopped ?? 'Training did not run: the data failed validation.', '', ...details, ...artifacts].join('\n').trimEnd();
  }
  return [...header, ...renderTraining(model, lineage)].join('\n');
}

function renderTraining(model: ModelRunReport, lineage: Lineage): string[] {
  const bytes = lineage.data.reduce((sum, file) => sum + file.bytes, 0);
  const commit = lineage.commit ? `commit ${lineage.commit.slice(0, 7)}${lineage.dirty ? ' (uncommitted changes)' : ''}` : 'no git commit';
  const lines: string[] = [];
  lines.push(
    `Trained with \`${lineage.command}\` in ${formatSeconds(lineage.durationSeconds)} (seed ${lineage.seed}, exit ${lineage.exitStatus}) ` +
      `on ${lineage.data.length} data file${lineage.data.length === 1 ? '' : 's'} (${formatBytes(bytes)}), ${commit}.`,
    '',
  );
  const comparison = model.stages.find((stage) => stage.stage === 'compare' && stage.markdown);
  const { paired, other } = pairMetrics(model.metrics);
  if (comparison?.markdown) lines.push(demoteHeadings(comparison.markdown.trim()), '');
  else if (paired.length > 0) {
    lines.push('| metric | model | baseline | difference |', '| --- | ---: | ---: | ---: |');
    for (const row of paired) lines.push(`| ${row.name} | ${formatNumber(row.model)} | ${formatNumber(row.baseline)} | ${formatDelta(row.model - row.baseline)} |`);
    lines.push('');
  }
  if (other.length > 0) {
    lines.push('| metric | value |', '| --- | ---: |');
    for (const [name, value] of other) lines.push(`| ${name} | ${formatNumber(value)} |`);
    lines.push('');
  }
  lines.push(`Artifacts in \`${model.outputDir}\`: ${model.artifacts.map((file) => `\`${file}\``).join(', ')}.`);
  return lines;
}

export function renderRunReport(report: RunReport): string {
  const count = report.models.length;
  const trained = report.models.filter((model) => model.lineage !== null).length;
  const header = `# trainyard run: ${report.project}\n\n${trained} of ${count} model${count === 1 ? '' : 's'} trained.`;
  return `${[header, ...report.models.map(renderModel)].join('\n\n')}\n`;
}
