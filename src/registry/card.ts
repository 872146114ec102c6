/**
 * The model card: the body of a version's release (and `card.md` locally). Its YAML
 * front matter holds every fact of the version, so trainyard reads a version back
 * from the card alone; the Markdown below it is the same facts for people.
 */
import { parse, stringify } from 'yaml';
import { formatBytes, formatNumber } from '../util/format.ts';
import { cardSchema } from './card-schema.ts';
import type { ModelCard } from './types.ts';

const FENCE = '---';

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`## ${title}`, '', ...lines, ''];
}

function metricLines(card: ModelCard): string[] {
  const names = Object.keys(card.metrics).sort();
  if (names.length === 0) return [];
  return ['| metric | value |', '| --- | ---: |', ...names.map((name) => `| ${name} | ${formatNumber(card.metrics[name]!)} |`)];
}

function lineageLines(card: ModelCard): string[] {
  const lineage = card.lineage;
  if (!lineage) return [];
  const params = Object.entries(lineage.params).map(([key, value]) => `${key}=${String(value)}`).join(', ');
  return [
    `- commit: ${lineage.commit ? `\`${lineage.commit}\`` : 'unknown'}`,
    `- command: \`${lineage.command}\` (seed ${lineage.seed}${params ? `; ${params}` : ''})`,
    `- trained in ${lineage.durationSeconds} s${lineage.runner ? ` on ${lineage.runner}` : ''}`,
    ...lineage.data.map((file) => `- data: \`${file.path}\` (${formatBytes(file.bytes)}, sha256 \`${file.sha256.slice(0, 12)}\`)`),
  ];
}

function profileLines(card: ModelCard): string[] {
  const profile = card.profile;
  if (!profile) return [];
  const head = profile.rows === null ? [] : [`${profile.rows.toLocaleString('en-US')} rows.`, ''];
  if (profile.columns.length === 0) return head;
  return [...head, '| column | type | nulls |', '| --- | --- | ---: |', ...profile.columns.map((column) => `| ${column.name} | ${column.type ?? ''} | ${column.nulls ?? ''} |`)];
}

function fileLines(card: ModelCard): string[] {
  return ['| file | role | size | sha256 |', '| --- | --- | ---: | --- |', ...card.files.map((file) => `| \`${file.path}\` | ${file.role} | ${formatBytes(file.bytes)} | \`${file.sha256.slice(0, 12)}\` |`)];
}

export function renderCard(card: ModelCard): string {
  const front = stringify({ trainyard: 1, ...card }, { lineWidth: 0 }).trimEnd();
  return [
    FENCE,
    front,
    FENCE,
    `# ${card.model} v${card.version}`,
    '',
    ...(card.description ? [card.description, ''] : []),
    `Task: ${card.task ?? 'unspecified'}. Registered ${card.createdAt}${card.runUrl ? ` by [this run](${card.runUrl})` : ''}.`,
    '',
    ...section('Metrics', metricLines(card)),
    ...section('Intended use', card.intendedUse ? [card.intendedUse] : []),
    ...section('Limitations', card.limitations ? [card.limitations] : []),
    ...section('Lineage', lineageLines(card)),
    ...section('Training data profile', profileLines(card)),
    ...section('Files', fileLines(card)),
  ].join('\n');
}

/** Reads a card back; null when the text is not a trainyard card (no or foreign front matter). */
export function parseCard(text: string): ModelCard | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[0] !== FENCE) return null;
  const end = lines.indexOf(FENCE, 1);
  if (end < 0) return null;
  let front: unknown;
  try {
    front = parse(lines.slice(1, end).join('\n'));
  } catch {
    return null;
  }
  const result = cardSchema.safeParse(front);
  if (!result.success) return null;
  const card: Partial<typeof result.data> = { ...result.data };
  delete card.trainyard;
  return card as ModelCard;
}
