/**
 * Metrics as a table (CSV or TSV). Two shapes are read, as users write them:
 * long, a header `name,value` (or `metric,value`) and one metric per row; and wide, a
 * header of metric names and exactly one row of values. Names may be dotted.
 */
import { DataError } from '../errors.ts';

/** Splits one line on `delimiter`, honouring double quotes ("" inside quotes is a quote). */
export function splitDelimited(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** A cell as a finite number; `NaN`, `inf`, empty and words are errors naming the metric. */
function parseCell(text: string, name: string, where: string): number {
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new DataError(`${where}: metric "${name}" is ${JSON.stringify(text)}; expected a finite number`);
  return value;
}

const LONG_HEADERS = new Set(['name,value', 'metric,value']);

export function parseDelimitedMetrics(text: string, delimiter: string, file: string): Record<string, number> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows = lines.map((line, index) => ({ cells: splitDelimited(line, delimiter), line: index + 1 })).filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...body] = rows;
  if (!header) throw new DataError(`${file}: holds no metrics; expected a header of metric names and one row of values`);
  const values: Record<string, number> = {};
  if (LONG_HEADERS.has(header.cells.map((cell) => cell.toLowerCase()).join(','))) {
    for (const row of body) {
      const [name = '', value = '', ...extra] = row.cells;
      if (name === '' || extra.length > 0) throw new DataError(`${file}:${row.line}: expected two cells, a metric name and its value`);
      if (name in values) throw new DataError(`${file}:${row.line}: metric "${name}" appears twice`);
      values[name] = parseCell(value, name, `${file}:${row.line}`);
    }
    return values;
  }
  if (body.length !== 1) {
    throw new DataError(`${file}: has ${body.length} rows of values; expected a header of metric names and exactly one row (or a "name,value" header)`);
  }
  const row = body[0]!;
  if (row.cells.length !== header.cells.length) {
    throw new DataError(`${file}:${row.line}: has ${row.cells.length} values for ${header.cells.length} metric names`);
  }
  header.cells.forEach((name, index) => {
    if (name === '') throw new DataError(`${file}:${header.line}: column ${index + 1} has no metric name`);
    if (name in values) throw new DataError(`${file}:${header.line}: metric "${name}" appears twice`);
    values[name] = parseCell(row.cells[index]!, name, `${file}:${row.line}`);
  });
  return values;
}
