#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  DataError
} from "./chunk-BEL2JVQX.js";

// src/data/engine.ts
import { createRequire } from "node:module";

// src/data/reader-sql.ts
function quoteIdentifier(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value) {
  return `'${value.replace(/'/g, "''")}'`;
}
function fileList(source) {
  return `[${source.files.map(quoteLiteral).join(", ")}]`;
}
function readerSql(source, options = {}) {
  const files = fileList(source);
  const text = (options.allVarchar ? ", all_varchar = true" : "") + typedOptions(options);
  const union = options.typed ? "" : ", union_by_name = true";
  switch (source.format) {
    case "csv":
      return `read_csv(${files}, header = true${union}${text})`;
    case "tsv":
      return `read_csv(${files}, header = true, delim = '	'${union}${text})`;
    case "parquet":
      return `read_parquet(${files}, union_by_name = true)`;
    case "json":
      return `read_json(${files}, format = 'auto', union_by_name = true)`;
    case "jsonl":
      return `read_json(${files}, format = 'newline_delimited', union_by_name = true)`;
  }
}
function typedOptions(options) {
  if (!options.typed) return "";
  const { types, rejects } = options.typed;
  const list = Object.entries(types).map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`);
  return `, types = {${list.join(", ")}}, store_rejects = true, rejects_table = ${quoteLiteral(rejects)}, rejects_scan = ${quoteLiteral(`${rejects}_scans`)}`;
}

// src/data/row-numbers.ts
var FILE_COLUMN = "__trainyard_file";
var ROW_COLUMN = "__trainyard_row";
var KEEP = `${FILE_COLUMN}, ${ROW_COLUMN}`;
function rowNumberedSelect(source, options = {}) {
  const text = source.format === "csv" || source.format === "tsv";
  const cast = options.allVarchar && !text;
  let inner;
  if (source.format === "parquet") {
    const reader = `read_parquet(${listOf(source.files)}, union_by_name = true, filename = true, file_row_number = true)`;
    inner = `SELECT * EXCLUDE (filename, file_row_number), filename AS ${FILE_COLUMN}, file_row_number + 1 AS ${ROW_COLUMN} FROM ${reader}`;
  } else {
    inner = source.files.map((file) => {
      const reader = readerSql({ ...source, files: [file] }, options);
      return `SELECT * EXCLUDE (ordinality), ${quoteLiteral(file)} AS ${FILE_COLUMN}, ordinality AS ${ROW_COLUMN} FROM ${reader} WITH ORDINALITY`;
    }).join(" UNION ALL BY NAME ");
  }
  if (!cast) return inner;
  return `SELECT COLUMNS(c -> c NOT IN ('${FILE_COLUMN}', '${ROW_COLUMN}'))::VARCHAR, ${KEEP} FROM (${inner})`;
}
function listOf(files) {
  return `[${files.map(quoteLiteral).join(", ")}]`;
}

// src/data/engine.ts
var duckdb;
function loadDuckDB() {
  try {
    duckdb ??= createRequire(import.meta.url)("@duckdb/node-api");
    return duckdb;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new DataError(`DuckDB (@duckdb/node-api) could not be loaded: ${reason}; install it with \`npm ci\` or the trainyard setup action`);
  }
}
function perFileSelect(source, options) {
  return source.files.map((file) => `SELECT * FROM ${readerSql({ ...source, files: [file] }, options)}`).join(" UNION ALL BY NAME ");
}
function sourceSelect(source, options = {}) {
  if (options.rowNumbers) return rowNumberedSelect(source, options);
  const reader = readerSql(source, options);
  const castable = options.allVarchar && source.format !== "csv" && source.format !== "tsv";
  if (castable) return `SELECT COLUMNS(*)::VARCHAR FROM ${reader}`;
  const typedText = options.typed !== void 0 && (source.format === "csv" || source.format === "tsv");
  return typedText ? perFileSelect(source, options) : `SELECT * FROM ${reader}`;
}
function readItems(vector, count) {
  const part = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = vector.getItem(i);
    part[i] = value === null ? Number.NaN : Number(value);
  }
  return part;
}
function doubles(vector, count) {
  const fields = vector;
  const items = fields.items;
  const validity = fields.validity;
  if (!(items instanceof Float64Array) || items.length !== count || !validity || validity.offset !== 0) return void 0;
  const part = items.slice();
  if (validity.data === null) return part;
  if (!(validity.data instanceof BigUint64Array)) return void 0;
  const words = new Uint32Array(validity.data.buffer, validity.data.byteOffset, validity.data.length * 2);
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (word === 4294967295) continue;
    for (let bit = 0; bit < 32; bit++) {
      const i = w * 32 + bit;
      if (i < count && !(word >>> bit & 1)) part[i] = Number.NaN;
    }
  }
  return part;
}
var DataEngine = class _DataEngine {
  constructor(instance, connection) {
    this.instance = instance;
    this.connection = connection;
  }
  instance;
  connection;
  static async open(options = {}) {
    const config = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await loadDuckDB().DuckDBInstance.create(":memory:", config);
    return new _DataEngine(instance, await instance.connect());
  }
  /**
   * Makes a source queryable as the view `name`. Parquet and JSON keep their types;
   * with `allVarchar` every column is cast to text, whatever the format. Returns the
   * view's columns.
   */
  async register(name, source, options = {}) {
    await this.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS ${sourceSelect(source, options)}`, source);
    const rows = await this.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(name)} ORDER BY column_index`);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.data_type) }));
  }
  /** Column names and DuckDB types of a view, in order. */
  async columns(name, source) {
    const rows = await this.query(`DESCRIBE ${quoteIdentifier(name)}`, source);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  }
  /** Runs a query and returns its rows; a DuckDB error becomes a DataError naming the source. */
  async query(sql, source) {
    const reader = await this.run(sql, source);
    return reader.getRowObjectsJS();
  }
  /**
   * Runs a query whose columns are all numeric and returns them column-wise as
   * Float64Arrays (NULL becomes NaN). For large results, such as a million predictions,
   * where row objects would cost more than the metrics computed from them.
   */
  async queryNumbers(sql, source) {
    let names = [];
    const parts = [];
    let total = 0;
    await this.scanNumbers(
      sql,
      (chunk, count) => {
        chunk.forEach((part, c) => (parts[c] ??= []).push(part));
        total += count;
      },
      source,
      (columnNames) => names = columnNames
    );
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
  async scanNumbers(sql, visit, source, start) {
    let result;
    try {
      result = await this.connection.stream(sql);
    } catch (error) {
      throw this.wrap(error, source);
    }
    const width = result.columnCount;
    start?.(result.columnNames());
    const nextChunk = () => {
      const next = result.fetchChunk().catch((error) => {
        throw this.wrap(error, source);
      });
      next.catch(() => void 0);
      return next;
    };
    let pending = nextChunk();
    for (; ; ) {
      const chunk = await pending;
      if (!chunk || chunk.rowCount === 0) break;
      const count = chunk.rowCount;
      const columns = [];
      for (let c = 0; c < width; c++) {
        const vector = chunk.getColumnVector(c);
        columns.push(doubles(vector, count) ?? readItems(vector, count));
      }
      pending = nextChunk();
      visit(columns, count);
    }
  }
  wrap(error, source) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return new DataError(source ? `${source.display}: cannot read ${source.format} data (${reason})` : `query failed: ${reason}`);
  }
  async run(sql, source) {
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
  async takeRejects(table) {
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
  async appendRows(table, types, rows) {
    const module = loadDuckDB();
    const appender = await this.connection.createAppender(table);
    for (const row of rows) {
      for (const [c, type] of types.entries()) {
        const value = row[c];
        if (value === null || value === void 0) appender.appendNull();
        else if (type === "DOUBLE") appender.appendDouble(Number(value));
        else if (type === "BIGINT") appender.appendBigInt(BigInt(value));
        else if (type === "BOOLEAN") appender.appendBoolean(Boolean(value));
        else if (type === "TIMESTAMPTZ") {
          const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
          appender.appendTimestampTZ(new module.DuckDBTimestampTZValue(BigInt(Math.round(time)) * 1000n));
        } else appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
      }
      appender.endRow();
    }
    appender.closeSync();
  }
  close() {
    this.connection.closeSync();
    this.instance.closeSync();
  }
};

// src/data/format.ts
import path2 from "node:path";

// src/util/glob.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
var GLOB_CHARS = /[*?[]/;
function isGlob(pattern) {
  return GLOB_CHARS.test(pattern);
}
function globToRegExp(glob) {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
async function walk(folder) {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    })
  );
  return nested.flat();
}
async function expandDataPath(pattern, root) {
  const absolute = path.resolve(root, pattern);
  if (!isGlob(pattern)) {
    const info = await stat(absolute).catch(() => void 0);
    if (!info) return [];
    return info.isDirectory() ? (await walk(absolute)).sort() : [absolute];
  }
  const segments = absolute.split(path.sep);
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, firstGlob).join(path.sep) || path.sep;
  const matcher = globToRegExp(segments.slice(firstGlob).join("/"));
  const files = await walk(base).catch(() => []);
  return files.filter((file) => matcher.test(path.relative(base, file).split(path.sep).join("/"))).sort();
}

// src/data/format.ts
var EXTENSIONS = {
  ".csv": "csv",
  ".tsv": "tsv",
  ".tab": "tsv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl"
};
function formatOf(file) {
  const name = file.toLowerCase().replace(/\.(gz|zst)$/, "");
  return EXTENSIONS[path2.extname(name)];
}
async function resolveSource(patterns, root) {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const display = list.join(", ");
  const files = [];
  for (const pattern of list) {
    const found = await expandDataPath(pattern, root);
    if (found.length === 0) throw new DataError(`${pattern}: no such file, or the glob matches nothing`);
    files.push(...found.filter((file) => formatOf(file) !== void 0 || found.length === 1));
  }
  if (files.length === 0) throw new DataError(`${display}: no data files (expected .csv, .tsv, .parquet, .json or .jsonl)`);
  const formats = new Set(files.map((file) => formatOf(file)));
  if (formats.has(void 0)) {
    throw new DataError(`${files.find((file) => formatOf(file) === void 0)}: unknown data format; expected .csv, .tsv, .parquet, .json or .jsonl`);
  }
  if (formats.size > 1) throw new DataError(`${display}: mixes formats (${[...formats].join(", ")}); expected one format per source`);
  return { display, files: [...new Set(files)].sort(), format: [...formats][0] };
}

export {
  quoteIdentifier,
  quoteLiteral,
  readerSql,
  FILE_COLUMN,
  ROW_COLUMN,
  sourceSelect,
  DataEngine,
  isGlob,
  globToRegExp,
  expandDataPath,
  resolveSource
};
