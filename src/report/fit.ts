/**
 * Keeps a rendered report under GitHub's size limits. Sections are dropped from the
 * least important up until the text fits; a table too long on its own loses rows with
 * a note saying how many. Comment bodies over 65,536 characters are rejected (422).
 */

/** GitHub's limit on a comment body; check-run summaries allow one character less. */
export const COMMENT_LIMIT = 65_536;
export const CHECK_OUTPUT_LIMIT = 65_535;

export interface Section {
  text: string;
  /** Higher survives longer; sections of equal priority go last-first. */
  priority: number;
  /** A shorter stand-in used when the section must go (for example, a note). */
  fallback?: string;
}

const join = (parts: string[]) => `${parts.filter((part) => part !== '').join('\n\n')}\n`;

/** Cuts a Markdown table's body to fit `budget` characters, noting the rows left out. */
export function truncateTable(table: string, budget: number): string {
  if (table.length <= budget) return table;
  const lines = table.split('\n');
  const head = lines.slice(0, 2);
  const body = lines.slice(2);
  let kept = body.length;
  const render = (count: number) => [...head, ...body.slice(0, count), `\n_${body.length - count} more rows left out to stay under GitHub's size limit._`].join('\n');
  while (kept > 0 && render(kept).length > budget) kept = Math.floor(kept * 0.9);
  return render(kept);
}

export function fitSections(sections: Section[], limit: number): string {
  const current = sections.map((section) => section.text);
  const order = sections.map((section, index) => ({ section, index })).sort((a, b) => a.section.priority - b.section.priority || b.index - a.index);
  for (const { section, index } of order) {
    if (join(current).length <= limit) break;
    current[index] = section.fallback ?? '';
  }
  const text = join(current);
  if (text.length <= limit) return text;
  const note = '\n\n_Report cut to stay under GitHub\'s size limit._\n';
  return `${text.slice(0, limit - note.length)}${note}`;
}
