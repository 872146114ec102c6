/**
 * The views validation reads the data through, each registered when first needed (every
 * registration of a CSV sniffs its dialect again):
 *   - plain: the data as read, text for CSV and TSV (see validate-data.ts);
 *   - numbered: the same with each row's file and data row (slower to scan);
 *   - head: the first HEAD_ROWS rows of the numbered view, read once into a table, where
 *     examples are searched first.
 */
import { quoteIdentifier, sourceSelect, type DataEngine, type RegisterOptions } from '../data/engine.ts';
import type { DataSource } from '../data/format.ts';
import { HEAD_ROWS } from './examples.ts';

const PLAIN_VIEW = 'trainyard_text';
const NUMBERED_VIEW = 'trainyard_numbered';
const HEAD_TABLE = 'trainyard_head';

export class ValidationViews {
  private registered = new Map<string, Promise<string>>();
  private readonly options: RegisterOptions;

  constructor(
    private readonly engine: DataEngine,
    private readonly source: DataSource,
  ) {
    this.options = { allVarchar: source.format === 'csv' || source.format === 'tsv' };
  }

  /** Adopts an already registered view of the data as read by `options` as the plain view. */
  adoptPlain(name: string): void {
    this.registered.set(PLAIN_VIEW, Promise.resolve(name));
  }

  plain(): Promise<string> {
    return this.once(PLAIN_VIEW, async () => {
      await this.engine.register(PLAIN_VIEW, this.source, this.options);
      return PLAIN_VIEW;
    });
  }

  numbered(): Promise<string> {
    return this.once(NUMBERED_VIEW, async () => {
      await this.engine.register(NUMBERED_VIEW, this.source, { ...this.options, rowNumbers: true });
      return NUMBERED_VIEW;
    });
  }

  head(): Promise<string> {
    return this.once(HEAD_TABLE, async () => {
      const select = sourceSelect(this.source, { ...this.options, rowNumbers: true });
      await this.engine.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(HEAD_TABLE)} AS SELECT * FROM (${select}) LIMIT ${HEAD_ROWS}`, this.source);
      return HEAD_TABLE;
    });
  }

  private once(name: string, create: () => Promise<string>): Promise<string> {
    let view = this.registered.get(name);
    if (!view) {
      view = create();
      this.registered.set(name, view);
    }
    return view;
  }
}
