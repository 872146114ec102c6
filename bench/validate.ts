// Benchmark: `trainyard validate` against pandas doing the same checks, whole process,
// wall time and peak memory, in one run. Run by hand: npx tsx bench/validate.ts
//   1. 5 million generated rows (unique id, ranged number, integer category with an
//      allowed set, nullable number with max_null_fraction; defects planted), as CSV
//      (about 115 MB) and its Parquet twin;
//   2. vega-datasets' flights-3m.parquet (3 million real flights) and its CSV twin.
// pandas reads the CSV (Debian ships no pyarrow, so pandas cannot read Parquet here).
// trainyard runs as installed: the CLI bundle dist/trainyard.js (build it first with
// `node scripts/build.mjs`), not through tsx.
// Elsewhere (a device machine without Debian's Python): TRAINYARD_BENCH_PYTHON names the
// Python with pandas, bench/measure.py stands in for a missing /usr/bin/time, and the
// flights case is skipped when vega-datasets is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DataEngine } from '../src/data/engine.ts';

// Outside the repository: lint and git never see the data or the bundle.
const OUT = path.join(tmpdir(), 'trainyard-bench');
mkdirSync(OUT, { recursive: true });

interface Case {
  name: string;
  csv: string;
  parquet: string;
  schema: string;
  /** The same rules for the pandas peer (dtype per column). */
  pandas: Record<string, Record<string, unknown>>;
}

async function prepare(): Promise<Case[]> {
  const engine = await DataEngine.open();
  const generated = { csv: path.join(OUT, 'validate-5m.csv'), parquet: path.join(OUT, 'validate-5m.parquet') };
  const flights = { csv: path.join(OUT, 'flights-3m.csv'), parquet: path.resolve('node_modules/vega-datasets/data/flights-3m.parquet') };
  const hasFlights = existsSync(flights.parquet);
  if (!existsSync(generated.parquet)) {
    await engine.query('SELECT setseed(0.42)');
    await engine.query(`CREATE TABLE g AS SELECT
        CASE WHEN random() < 0.001 THEN (random() * 4999999)::BIGINT + 1 ELSE i END AS id,
        round(CASE WHEN random() < 0.002 THEN 1000 + random() * 100 ELSE random() * 1000 END, 2) AS amount,
        CASE WHEN random() < 0.003 THEN 9 ELSE (random() * 7)::INT + 1 END AS category,
        CASE WHEN random() < 0.05 THEN NULL ELSE round(random() * 100, 3) END AS score
      FROM range(1, 5000001) t(i)`);
    await engine.query(`COPY g TO '${generated.csv}' (HEADER)`);
    await engine.query(`COPY g TO '${generated.parquet}' (FORMAT parquet)`);
  }
  if (hasFlights && !existsSync(flights.csv)) {
    await engine.query(`COPY (SELECT strftime(date, '%Y-%m-%d %H:%M:%S') AS date, delay, distance, origin, destination FROM read_parquet('${flights.parquet}')) TO '${flights.csv}' (HEADER)`);
  }
  engine.close();
  const schemas = {
    generated: 'columns:\n  id: { type: integer, unique: true, min: 1, max: 5000000 }\n  amount: { type: number, min: 0, max: 1000 }\n  category: { type: integer, in: [1, 2, 3, 4, 5, 6, 7, 8] }\n  score: { type: number, max_null_fraction: 0.02 }\n',
    flights: 'columns:\n  date: { type: timestamp, min: "2001-01-01 00:00:00", max: "2001-12-31 23:59:59" }\n  delay: { type: integer, min: -60, max: 600 }\n  distance: { type: integer, min: 30, max: 5000 }\n  origin: { type: string, pattern: "^[A-Z]{3}$" }\n  destination: { type: string, pattern: "^[A-Z]{3}$" }\n',
  };
  writeFileSync(path.join(OUT, 'generated.yml'), schemas.generated);
  writeFileSync(path.join(OUT, 'flights.yml'), schemas.flights);
  const all: Case[] = [
    {
      name: '5M generated rows',
      ...generated,
      schema: path.join(OUT, 'generated.yml'),
      pandas: {
        id: { dtype: 'int64', unique: true, min: 1, max: 5000000 },
        amount: { dtype: 'float64', min: 0, max: 1000 },
        category: { dtype: 'int64', in: [1, 2, 3, 4, 5, 6, 7, 8] },
        score: { dtype: 'float64', max_null_fraction: 0.02 },
      },
    },
    {
      name: 'flights-3m',
      ...flights,
      schema: path.join(OUT, 'flights.yml'),
      pandas: {
        date: { dtype: 'datetime', min: '2001-01-01 00:00:00', max: '2001-12-31 23:59:59' },
        delay: { dtype: 'int64', min: -60, max: 600 },
        distance: { dtype: 'int64', min: 30, max: 5000 },
        origin: { dtype: 'str', pattern: '^[A-Z]{3}$' },
        destination: { dtype: 'str', pattern: '^[A-Z]{3}$' },
      },
    },
  ];
  return hasFlights ? all : all.slice(0, 1);
}

const PYTHON = process.env.TRAINYARD_BENCH_PYTHON ?? '/usr/bin/python3';

interface Measured {
  seconds: number;
  /** CPU time, user + system, of all threads. */
  cpu: number;
  peakMiB: number;
  stdout: string;
}

/** Wall time, CPU time and peak resident memory of a whole process, from GNU time. */
function measure(command: string, args: string[]): Measured {
  const [timer, timerArgs] = existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', '%e %U %S %M']] : [PYTHON, ['bench/measure.py']];
  const result = spawnSync(timer, [...timerArgs, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, user, system, kib] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} failed: ${result.stderr}`);
  return { seconds: seconds!, cpu: user! + system!, peakMiB: kib! / 1024, stdout: result.stdout };
}

function trainyardCounts(stdout: string): Record<string, number> {
  const result = JSON.parse(stdout) as { failures: Array<{ column: string; check: string; failed: number }> };
  return Object.fromEntries(result.failures.map((failure) => [`${failure.column} ${failure.check}`, failure.failed]));
}

const bundle = path.resolve('dist/trainyard.js');
if (!existsSync(bundle)) throw new Error('dist/trainyard.js is missing: build it with `node scripts/build.mjs`');
const cases = await prepare();
const node = process.execPath;
const pandasVersion = execFileSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' }).trim();
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
console.log(`trainyard validate vs pandas ${pandasVersion}; node ${process.version}; ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); best of 3 runs each (wall), interleaved; load average ${load()}`);
for (const c of cases) {
  const trainyardCsv = () => measure(node, [bundle, 'validate', '--data', c.csv, '--schema', c.schema, '--json']);
  const trainyardParquet = () => measure(node, [bundle, 'validate', '--data', c.parquet, '--schema', c.schema, '--json']);
  const peer = () => measure(PYTHON, ['bench/validate_pandas.py', c.csv, JSON.stringify(c.pandas)]);
  // Interleaved, so that a burst of other work on the machine hits every tool alike.
  const runs = [0, 1, 2].map(() => ({ csv: trainyardCsv(), parquet: trainyardParquet(), pandas: peer() }));
  const best = (pick: (run: (typeof runs)[number]) => Measured) => runs.map(pick).sort((a, b) => a.seconds - b.seconds)[0]!;
  const csv = best((run) => run.csv);
  const parquet = best((run) => run.parquet);
  const pandas = best((run) => run.pandas);
  const ours = trainyardCounts(csv.stdout);
  const theirs = (JSON.parse(pandas.stdout) as { failed: Record<string, number> }).failed;
  const same = JSON.stringify(Object.entries(ours).sort()) === JSON.stringify(Object.entries(theirs).sort());
  if (JSON.stringify(trainyardCounts(parquet.stdout)) !== JSON.stringify(ours)) throw new Error(`${c.name}: Parquet and CSV counts differ`);
  console.log(`\n${c.name}: failure counts ${same ? 'equal' : 'DIFFER'}: trainyard ${JSON.stringify(ours)} pandas ${JSON.stringify(theirs)}`);
  const cpu = (m: Measured) => `(CPU ${m.cpu.toFixed(2)} s)`;
  console.log(`  pandas (CSV)       ${pandas.seconds.toFixed(2)} s ${cpu(pandas)}  ${pandas.peakMiB.toFixed(0)} MiB`);
  console.log(`  trainyard CSV      ${csv.seconds.toFixed(2)} s ${cpu(csv)}  ${csv.peakMiB.toFixed(0)} MiB  ${(pandas.seconds / csv.seconds).toFixed(2)}x faster (CPU ${(pandas.cpu / csv.cpu).toFixed(2)}x), ${(csv.peakMiB / pandas.peakMiB).toFixed(2)}x the memory`);
  console.log(`  trainyard Parquet  ${parquet.seconds.toFixed(2)} s ${cpu(parquet)}  ${parquet.peakMiB.toFixed(0)} MiB  ${(pandas.seconds / parquet.seconds).toFixed(2)}x faster than pandas on the CSV (CPU ${(pandas.cpu / parquet.cpu).toFixed(2)}x)`);
  console.log(`  load average after: ${load()}`);
}
