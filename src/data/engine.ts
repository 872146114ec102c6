/**
 * The data engine: DuckDB over CSV, TSV, Parquet, JSON and JSON Lines, one file or
 * many shards. Sources become SQL views; every stage (validation, profiles, drift,
 * evaluation) queries them, so data larger than memory streams through DuckDB.
 */
import { createRequire } from 'node:module';
import type * as DuckDb from '@duckdb/node-api';
import { DataError } from '../errors.ts';
import type { DataSource } from './format.ts';
import { rowNumberedSelect } from './row-numbers.ts';
import { quoteIdentifier, quoteLiteral, readerSql, type RegisterOptions } from './reader-sql.ts';

export { quoteIdentifier, quoteLiteral, readerSql, type RegisterOptions };

/**
 * DuckDB is loaded on first use, so commands that read no data (`train` on a GPU
 * runner, `registry`, `runner`) start without the native module and run where it is
 * not installed. Its Node API is CommonJS: loaded with require() rather than import,
 * Node skips the CommonJS export scan of its hundred modules, about a tenth of a second
 * off the start of every command that reads data.
 */
let duckdb: typeof DuckDb | undefined;
function loadDuckDB(): typeof DuckDb {
  try {
    duckdb ??= createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDb;
    return duckdb;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DataError(`DuckDB (@duckdb/node-api) could not be loaded: ${reason}; install it with \`npm ci\` or the trainyard setup action`);
  }
}

/** How `DataEngine.appendRows` stores a column. */
export type AppendType = 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'VARCHAR' | 'TIMESTAMPTZ';

/** A column of a view: its name and DuckDB type. */
export interface ColumnInfo {
  name: string;
  type: string;
}

/** One row of a query result, with JavaScript values (bigints where DuckDB has them). */
export type Row = Record<string, unknown>;

/** `SELECT * FROM` the source's files, one reader per file, united by column name. */
function perFileSelect(source: DataSource, options: RegisterOptions): string {
  return source.files.map((file) => `SELECT * FROM ${readerSql({ ...source, files: [file] }, options)}`).join(' UNION ALL BY NAME ');
}

/** The SELECT that a view over `source` stands for (see `DataEngine.register`). */
export function sourceSelect(source: DataSource, options: RegisterOptions = {}): string {
  if (options.rowNumbers) return rowNumberedSelect(source, options);
  const reader = readerSql(source, options);
  const castable = options.allVarchar && source.format !== 'csv' && source.format !== 'tsv';
  if (castable) return `SELECT COLUMNS(*)::VARCHAR FROM ${reader}`;
  const typedText = options.typed !== undefined && (source.format === 'csv' || source.format === 'tsv');
  return typedText ? perFileSelect(source, options) : `SELECT * FROM ${reader}`;
}

/** A column of a chunk item by item: any type, NULL as NaN. */
function readItems(vector: DuckDb.DuckDBVector, count: number): Float64Array {
  const part = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = vector.getItem(i);
    part[i] = value === null ? Number.NaN : Number(value);
  }
  return part;
}

/**
 * A DOUBLE column of a chunk copied at once from the vector's own Float64Array, NULL
 * (a cleared validity bit) as NaN. The Node API keeps both as plain fields; its getItem
 * tests validity with BigInt arithmetic per value, a hundred times slower. Undefined
 * when the vector is not laid out so (another type, another API version).
 */
function doubles(vector: DuckDb.DuckDBVector, count: number): Float64Array | undefined {
  const fields = vector as unknown as { items?: unknown; validity?: { data?: unknown; offset?: unknown } };
  const items = fields.items;
  const validity = fields.validity;
  if (!(items instanceof Float64Array) || items.length !== count || !validity || validity.offset !== 0) return undefined;
  const part = items.slice();
  if (validity.data === null) return part;
  if (!(validity.data instanceof BigUint64Array)) return undefined;
  const words = new Uint32Array(validity.data.buffer, validity.data.byteOffset, validity.data.length * 2);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word === 0xffffffff) continue;
    for (let bit = 0; bit < 32; bit++) {
      const i = w * 32 + bit;
      if (i < count && !((word >>> bit) & 1)) part[i] = Number.NaN;
    }
  }
  return part;
}

export class DataEngine {
  private constructor(
    private readonly instance: DuckDb.DuckDBInstance,
    private readonly connection: DuckDb.DuckDBConnection,
  ) {}

  static async open(options: { threads?: number; memoryLimit?: string } = {}): Promise<DataEngine> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await loadDuckDB().DuckDBInstance.create(':memory:', config);
    return new DataEngine(instance, await instance.connect());
  }

  /**
   * Makes a source queryable as the view `name`. Parquet and JSON keep their types;
   * with `allVarchar` every column is cast to text, whatever the format. Returns the
   * view's columns.
   */
  async register(name: string, source: DataSource, options: RegisterOptions = {}): Promise<ColumnInfo[]> {
    // Creating the view binds it, which reads the files' schema: unreadable files fail
    // here, as a DataError naming them. The catalog keeps the bound columns, so they are
    // listed without binding again (DESCRIBE would sniff a CSV's dialect a second time).
    await this.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS ${sourceSelect(source, options)}`, source);
    const rows = await this.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(name)} ORDER BY column_index`);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.data_type) }));
  }

  /** Column names and DuckDB types of a view, in order. */
  async columns(name: string, source?: DataSource): Promise<ColumnInfo[]> {
    const rows = await this.query(`DESCRIBE ${quoteIdentifier(name)}`, source);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  }

  /** Runs a query and returns its rows; a DuckDB error becomes a DataError naming the source. */
  async query(sql: string, source?: DataSource): Promise<Row[]> {
    const reader = await this.run(sql, source);
    return reader.getRowObjectsJS() as Row[];
  }

  /**
   * Runs a query whose columns are all numeric and returns them column-wise as
   * Float64Arrays (NULL becomes NaN). For large results, such as a million predictions,
   * where row objects would cost more than the metrics computed from them.
   */
  async queryNumbers(sql: string, source?: DataSource): Promise<{ names: string[]; columns: Float64Array[] }> {
    let names: string[] = [];
    const parts: Float64Array[][] = [];
    let total = 0;
    await this.scanNumbers(
      sql,
      (chunk, count) => {
        chunk.forEach((part, c) => (parts[c] ??= []).push(part));
        total += count;
      },
      source,
      (columnNames) => (names = columnNames),
    );
    // Column after column, each one's parts let go once copied: the peak is the parts and one column, not twice the result.
    const columns = names.map((_, c) => {
      const column = new Float64Array(total);
      let offset = 0;
      for (const part of parts[c] ?? []) {
        column.set(part, offset);
        offset += part.length;
      }
      parts[c] = [];
      return column;
    });
    return { names, columns };
  }

  /**
   * Streams a query whose columns are all numeric, one chunk of rows (about two thousand)
   * at a time, each column a Float64Array (NULL as NaN) that `visit` may keep. For
   * results that are folded as they arrive, so that no more than a chunk is held.
   */
  async scanNumbers(sql: string, visit: (columns: Float64Array[], count: number) => void, source?: DataSource, start?: (names: string[]) => void): Promise<void> {
    let result;
    try {
      result = await this.connection.stream(sql);
    } catch (error) {
      throw this.wrap(error, source);
    }
    const width = result.columnCount;
    start?.(result.columnNames());
    // The next chunk is asked for before this one is visited: DuckDB reads it on its own
    // threads while JavaScript folds the rows it has. A failed read is also caught at once, so
    // that one left pending when `visit` throws is not an unhandled rejection.
    const nextChunk = () => {
      const next = result.fetchChunk().catch((error: unknown) => {
        throw this.wrap(error, source);
      });
      next.catch(() => undefined);
      return next;
    };
    let pending = nextChunk();
    for (;;) {
      const chunk = await pending;
      if (!chunk || chunk.rowCount === 0) break;
      const count = chunk.rowCount;
      const columns: Float64Array[] = [];
      for (let c = 0; c < width; c++) {
        const vector = chunk.getColumnVector(c);
        columns.push(doubles(vector, count) ?? readItems(vector, count));
      }
      pending = nextChunk();
      visit(columns, count);
    }
  }

  private wrap(error: unknown, source?: DataSource): DataError {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return new DataError(source ? `${source.display}: cannot read ${source.format} data (${reason})` : `query failed: ${reason}`);
  }

  private async run(sql: string, source?: DataSource) {
    try {
      return await this.connection.runAndReadAll(sql);
    } catch (error) {
      throw this.wrap(error, source);
    }
  }

  /**
   * How many values the scans of views registered with `typed` could not parse so far,
   * and drops the rejects tables so that the next registration starts from zero.
   */
  async takeRejects(table: string): Promise<number> {
    const exists = await this.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name = ${quoteLiteral(table)}`);
    const [row] = Number(exists[0]?.n ?? 0) > 0 ? await this.query(`SELECT count(*) AS n FROM temp.${quoteIdentifier(table)}`) : [{ n: 0 }];
    await this.run(`DROP TABLE IF EXISTS temp.${quoteIdentifier(table)}; DROP TABLE IF EXISTS temp.${quoteIdentifier(`${table}_scans`)}`);
    return Number(row?.n ?? 0);
  }

  /**
   * Appends rows to an existing table through DuckDB's appender: for data that arrives
   * from outside DuckDB (a database cursor). Each value is a number, string, boolean,
   * Date or null, in the table's column order; `types` says how each column is stored.
   */
  async appendRows(table: string, types: readonly AppendType[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const module = loadDuckDB();
    const appender = await this.connection.createAppender(table);
    for (const row of rows) {
      for (const [c, type] of types.entries()) {
        const value = row[c];
        if (value === null || value === undefined) appender.appendNull();
        else if (type === 'DOUBLE') appender.appendDouble(Number(value));
        else if (type === 'BIGINT') appender.appendBigInt(BigInt(value as number | string | bigint));
        else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
        else if (type === 'TIMESTAMPTZ') {
          const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
          appender.appendTimestampTZ(new module.DuckDBTimestampTZValue(BigInt(Math.round(time)) * 1000n));
        } else appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
