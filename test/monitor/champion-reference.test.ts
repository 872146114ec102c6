/**
 * trainyard monitor without --reference: the reference is the champion's predictions on
 * the model's evaluation rows, read from the registry. The flight-delays example is
 * trained for real, registered in a local registry and promoted; the same rows, built
 * here from data/train.csv and the trainer's predictions.csv and given as --reference,
 * must give the same result.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inEvaluationSplit } from '../../src/metrics/evaluation-set.ts';
import type { MonitorResult } from '../../src/monitor/types.ts';
import { copyExample, runCli } from '../helpers/cli.ts';
import { expectSameResult } from './same-result.ts';

const CONFIG = '.github/trainyard.yml';
const SOURCE = "the champion flight-delays@v1's predictions on the evaluation rows (the rows of data/train.csv whose id hashes below 0.2)";

let cwd: string;
/** The evaluation rows as this test reads them: data/train.csv's columns, the trainer's score and the label delay > 15, by date then id. */
let rows: Array<Record<string, string>>;

const run = (args: string[]) => runCli(['monitor', ...args], { cwd });

async function monitor(args: string[]): Promise<{ code: number; result: MonitorResult; stderr: string }> {
  const done = await run([...args, '--json']);
  expect(done.code, done.stderr).not.toBe(2);
  return { code: done.code, result: JSON.parse(done.stdout) as MonitorResult, stderr: done.stderr };
}

async function csvRows(file: string): Promise<Array<Record<string, string>>> {
  const [header, ...lines] = (await readFile(file, 'utf8')).trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i]!, value])));
}

async function writeCsv(file: string, columns: string[], data: Array<Record<string, string>>): Promise<void> {
  await writeFile(path.join(cwd, file), `${columns.join(',')}\n${data.map((row) => columns.map((column) => row[column]).join(',')).join('\n')}\n`);
}

/** The reference's fields less its source. */
const withoutSource = (result: MonitorResult): MonitorResult => ({ ...result, reference: { rows: result.reference.rows, chunks: result.reference.chunks } });

beforeAll(async () => {
  cwd = await copyExample();
  const config = await readFile(path.join(cwd, CONFIG), 'utf8');
  const edited = config.replace('version: 1\n', 'version: 1\nregistry: local:registry\n').replace(/^ {6}reference: monitoring\/reference\.csv\n/m, '');
  expect(edited).not.toContain('reference.csv');
  await writeFile(path.join(cwd, CONFIG), edited);
  for (const args of [['train', '-o', 'out'], ['registry', 'register', 'flight-delays', '--from', 'out'], ['registry', 'promote', 'flight-delays', '-v', '1', '-e', 'production']]) {
    const done = await runCli(args, { cwd });
    expect(done.code, `${args.join(' ')}: ${done.stderr}`).toBe(0);
  }
  const scores = new Map((await csvRows(path.join(cwd, 'out/predictions.csv'))).map((row) => [row.id!, row.score!]));
  rows = (await csvRows(path.join(cwd, 'data/train.csv')))
    .filter((row) => inEvaluationSplit(row.id!, 0.2) && scores.has(row.id!))
    .map((row): Record<string, string> => ({ ...row, score: scores.get(row.id!)!, label: Number(row.delay) > 15 ? '1' : '0' }))
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : Number(a.id) - Number(b.id)));
}, 240_000);

describe('trainyard monitor without --reference', () => {
  it("uses the champion's evaluation rows, chunked by week like the log, and says so", async () => {
    const { result, stderr } = await monitor(['--report', 'monitor.md']);
    expect(stderr).toBe(`trainyard: reference: ${SOURCE}\n`);
    const weeks = new Set(rows.map((row) => Math.floor((Date.parse(`${row.date!.slice(0, 10)}T00:00:00Z`) / 86_400_000 - 4) / 7)));
    expect(rows.length).toBeGreaterThan(3000);
    expect(result.reference).toEqual({ rows: rows.length, chunks: weeks.size, source: SOURCE });
    expect(result.chunks.length).toBe(14);
    const report = await readFile(path.join(cwd, 'monitor.md'), 'utf8');
    expect(report).toContain(`reference: ${rows.length.toLocaleString('en-US')} rows in ${weeks.size} chunks, from ${SOURCE}, bands`);
  }, 120_000);

  it('gives the counts, bands and alerts of --reference over the same rows', async () => {
    await writeCsv('evaluation-reference.csv', ['id', 'date', 'delay', 'distance', 'origin', 'destination', 'score', 'label'], rows);
    const byDefault = await monitor([]);
    const given = await monitor(['--reference', 'evaluation-reference.csv']);
    expect(given.result.reference.source).toBe('evaluation-reference.csv');
    expect(byDefault.code).toBe(given.code);
    expectSameResult(withoutSource(byDefault.result), withoutSource(given.result));
  }, 180_000);

  it("cuts evaluation rows without the log's timestamp into chunks of the log's median chunk row count, or of --chunk <N>rows", async () => {
    await writeCsv('data/evaluation.csv', ['id', 'delay', 'distance', 'origin', 'destination'], rows);
    const config = (await readFile(path.join(cwd, CONFIG), 'utf8')).replace('split: { fraction: 0.2 }', 'file: data/evaluation.csv');
    await writeFile(path.join(cwd, '.github/untimed.yml'), config);
    const { result } = await monitor(['--config', '.github/untimed.yml']);
    const counts = result.chunks.map((chunk) => chunk.rows).sort((a, b) => a - b);
    const median = Math.round((counts[6]! + counts[7]!) / 2);
    expect(result.reference).toEqual({ rows: rows.length, chunks: Math.ceil(rows.length / median), source: "the champion flight-delays@v1's predictions on the evaluation rows (data/evaluation.csv)" });
    await writeCsv('untimed-reference.csv', ['id', 'delay', 'distance', 'origin', 'destination', 'score', 'label'], rows);
    const given = await monitor(['--config', '.github/untimed.yml', '--reference', 'untimed-reference.csv']);
    expectSameResult(withoutSource(result), withoutSource(given.result));
    const byRows = await monitor(['--config', '.github/untimed.yml', '--chunk', '500rows']);
    expect(byRows.result.reference).toMatchObject({ rows: rows.length, chunks: Math.ceil(rows.length / 500) });
  }, 180_000);

  it('says in one line what is missing and how to give --reference, exit 2', async () => {
    await writeFile(path.join(cwd, '.github/no-evaluation.yml'), (await readFile(path.join(cwd, CONFIG), 'utf8')).replace(/^ {4}evaluation:\n( {6}.*\n)+/m, ''));
    const cases: Array<[string[], string]> = [
      [['--registry', 'local:empty'], `trainyard: no reference period: local:${path.join(cwd, 'empty')} has no champion of flight-delays in production, whose evaluation predictions are the default reference; give --reference <files|postgres://…> or set models.flight-delays.monitoring.reference`],
      [['--environment', 'staging'], `trainyard: no reference period: local:${path.join(cwd, 'registry')} has no champion of flight-delays in staging, whose evaluation predictions are the default reference; give --reference <files|postgres://…> or set models.flight-delays.monitoring.reference`],
      [['--config', '.github/no-evaluation.yml'], 'trainyard: no reference period: models.flight-delays has no evaluation section, so there are no labelled evaluation predictions of its champion to use as the reference; give --reference <files|postgres://…> or set models.flight-delays.monitoring.reference'],
    ];
    for (const [args, message] of cases) {
      const done = await run(args);
      expect(done.code, args.join(' ')).toBe(2);
      expect(done.stderr).toBe(`${message}\n`);
      expect(done.stdout).toBe('');
    }
  }, 120_000);
});
