/**
 * The data engine: DuckDB over CSV, TSV, Parquet, JSON and JSON Lines, one file or
 * many shards. Sources become SQL views; every stage (validation, profiles, drift,
 * evaluation) queries them, so data larger than memory streams through DuckDB.
 */
import type { DuckDBInstance, DuckDBConnection } from '@duckdb/node-api';
import { DataError } from '../errors.ts';
import type { DataSource } from './format.ts';
import { rowNumberedSelect } from './row-numbers.ts';

export interface RegisterOptions {
  /** Read every column as text, so values that do not parse can be counted, not fatal. */
  allVarchar?: boolean;
  /** Add the columns `__trainyard_file` and `__trainyard_row` (see row-numbers.ts); scans get slower. */
  rowNumbers?: boolean;
}

/** One row of a query result, with JavaScript values (bigints where DuckDB has them). */
export type Row = Record<string, unknown>;

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function fileList(source: DataSource): string {
  return `[${source.files.map(quoteLiteral).join(', ')}]`;
}

/** The table function that reads a source. */
export function readerSql(source: DataSource, options: RegisterOptions = {}): string {
  const files = fileList(source);
  const text = options.allVarchar ? ', all_varchar = true' : '';
  switch (source.format) {
    case 'csv':
      return `read_csv(${files}, header = true, union_by_name = true${text})`;
    case 'tsv':
      return `read_csv(${files}, header = true, delim = '\t', union_by_name = true${text})`;
    case 'parquet':
      return `read_parquet(${files}, union_by_name = true)`;
    case 'json':
      return `read_json(${files}, format = 'auto', union_by_name = true)`;
    case 'jsonl':
      return `read_json(${files}, format = 'newline_delimited', union_by_name = true)`;
  }
}

/**
 * DuckDB is loaded on first use, so commands that read no data (`train` on a GPU
 * runner, `registry`, `runner`) start without the native module and run where it is
 * not installed.
 */
async function loadDuckDB(): Promise<typeof import('@duckdb/node-api')> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DataError(`DuckDB (@duckdb/node-api) could not be loaded: ${reason}; install it with \`npm ci\` or the trainyard setup action`);
  }
}

export class DataEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(options: { threads?: number; memoryLimit?: string } = {}): Promise<DataEngine> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await (await loadDuckDB()).DuckDBInstance.create(':memory:', config);
    return new DataEngine(instance, await instance.connect());
  }

  /**
   * Makes a source queryable as the view `name`. Parquet and JSON keep their types;
   * with `allVarchar` every column is cast to text, whatever the format.
   */
  async register(name: string, source: DataSource, options: RegisterOptions = {}): Promise<void> {
    const reader = readerSql(source, options);
    const castable = options.allVarchar && source.format !== 'csv' && source.format !== 'tsv';
    const plain = castable ? `SELECT COLUMNS(*)::VARCHAR FROM ${reader}` : `SELECT * FROM ${reader}`;
    const select = options.rowNumbers ? rowNumberedSelect(source, options) : plain;
    await this.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS ${select}`, source);
    // Reading the schema now surfaces unreadable files as a DataError naming them.
    await this.columns(name, source);
  }

  /** Column names and DuckDB types of a view, in order. */
  async columns(name: string, source?: DataSource): Promise<Array<{ name: string; type: string }>> {
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
    let result;
    try {
      result = await this.connection.stream(sql);
    } catch (error) {
      throw this.wrap(error, source);
    }
    const names = result.columnNames();
    const parts: Float64Array[][] = names.map(() => []);
    let total = 0;
    for (;;) {
      const chunk = await result.fetchChunk().catch((error: unknown) => {
        throw this.wrap(error, source);
      });
      if (!chunk || chunk.rowCount === 0) break;
      const count = chunk.rowCount;
      for (let c = 0; c < names.length; c++) {
        const vector = chunk.getColumnVector(c);
        const part = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          const value = vector.getItem(i);
          part[i] = value === null ? Number.NaN : Number(value);
        }
        parts[c]!.push(part);
      }
      total += count;
    }
    const columns = parts.map((chunks) => {
      const column = new Float64Array(total);
      let offset = 0;
      for (const part of chunks) {
        column.set(part, offset);
        offset += part.length;
      }
      return column;
    });
    return { names, columns };
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

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
