import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

interface Expected {
  rows: number;
  failures: Array<{ column: string | null; check: string; failed: number; rows: number[]; name?: string }>;
}

interface Reported {
  valid: boolean;
  rows: number;
  failures: Array<{ column: string | null; check: string; failed: number; fraction: number; examples: Array<{ row?: number; value: unknown }>; position?: { line: number } }>;
}

const DATA = 'test/fixtures/validate/penguins-defects.csv';
const SCHEMA = 'test/fixtures/validate/penguins-schema.yml';

// Reference: scripts/fixtures/validate_penguins.py counts the same planted defects with pandas.
describe('validating real penguins data with planted defects', async () => {
  const expected = JSON.parse(await readFile('test/fixtures/validate/penguins-expected.json', 'utf8')) as Expected;
  const run = await runCli(['validate', '--data', DATA, '--schema', SCHEMA, '--json']);
  const report = JSON.parse(run.stdout) as Reported;

  it('fails with exit code 1 and counts the rows', () => {
    expect(run.code).toBe(1);
    expect(report.valid).toBe(false);
    expect(report.rows).toBe(expected.rows);
  });

  it('reports every failed check, in order, with the exact count of pandas', () => {
    expect(report.failures.map((failure) => [failure.column, failure.check, failure.failed])).toEqual(expected.failures.map((failure) => [failure.column, failure.check, failure.failed]));
  });

  it.each(expected.failures.map((failure) => [`${failure.column ?? failure.name ?? 'table'} ${failure.check}`, failure] as const))('%s shows the first offending rows by their data row', (_, failure) => {
    const found = report.failures.find((candidate) => candidate.column === failure.column && candidate.check === failure.check)!;
    expect(found.examples.map((example) => example.row)).toEqual(failure.rows);
  });

  it('points each column check at its line in the schema', () => {
    const mass = report.failures.find((failure) => failure.column === 'Body Mass (g)' && failure.check === 'max')!;
    expect(mass.position?.line).toBe(9);
    // Shares are of the non-null values (342), unparseable ones included, as GX counts them.
    expect(mass.fraction).toBeCloseTo(1 / 342, 12);
  });

  it('prints a line per failed check, with the offending values', async () => {
    const text = await runCli(['validate', '--data', DATA, '--schema', SCHEMA]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Body Mass (g) type: 3 (0.88%) expected a number; e.g. row 5: "heavy", row 77: "heavy", row 300: "4,100"\n');
    expect(text.stdout).toContain('table rows: expected at least 400 rows, got 344\n');
  });
});
