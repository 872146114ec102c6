/** Markdown helpers shared by the generated reference pages. */

/** A table cell: one line, pipes escaped, so any description fits in a row. */
export function cell(text: unknown): string {
  if (text === undefined || text === null || text === '') return '';
  return String(text).replace(/\s*\n\s*/g, ' ').trim().replace(/\|/g, '\\|');
}

/** A value shown as code in a cell, or nothing when there is none. */
export function codeCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return text === '' ? '`""`' : `\`${cell(text)}\``;
}

export function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}
