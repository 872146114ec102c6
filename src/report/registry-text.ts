/** Plain-text views of the registry for the terminal: versions and promotion history. */
import { championOf } from '../registry/promotion-record.ts';
import type { ModelVersion, Promotion } from '../registry/types.ts';
import { formatNumber } from '../util/format.ts';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/** One line per version: its number, when, commit, key metrics and where it is champion. */
export function renderVersions(model: string, versions: ModelVersion[], history: Promotion[]): string {
  if (versions.length === 0) return `${model}: no versions registered`;
  const environments = [...new Set(history.map((record) => record.environment))];
  const championIn = (version: number) => environments.filter((environment) => championOf(history, environment)?.version === version);
  const rows = [['version', 'registered', 'commit', 'metrics', 'champion in']];
  for (const version of versions) {
    const metrics = Object.entries(version.card.metrics).slice(0, 3).map(([name, value]) => `${name}=${formatNumber(value)}`).join(' ');
    rows.push([`v${version.version}`, version.card.createdAt, version.card.commit?.slice(0, 7) ?? '-', metrics || '-', championIn(version.version).join(', ') || '-']);
  }
  return `${model}\n${table(rows)}`;
}

/** Who promoted what, when and why. */
export function renderHistory(model: string, history: Promotion[]): string {
  if (history.length === 0) return `${model}: no promotions recorded`;
  const rows = [['when', 'environment', 'seq', 'version', 'decision', 'by', 'approvers', 'gate', 'reason']];
  for (const record of history) {
    rows.push([record.at, record.environment, String(record.sequence), `v${record.version}`, record.decision, record.actor ?? '-', record.approvers.join(',') || '-', `${record.gate.passed ? 'passed' : 'failed'}: ${record.gate.summary}`, record.reason]);
  }
  return `${model}\n${table(rows)}`;
}
