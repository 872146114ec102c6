/**
 * One scan of a data side for every planned column: GROUPING SETS count the distinct
 * values of all columns (and the rows) in a single pass, so a CSV is parsed once and
 * never stored whole. Each column then reads its (v, n) relation from the small result.
 */
import { quoteIdentifier, type DataEngine } from '../data/engine.ts';
import { presentSql, valueSql } from '../profile/column-sql.ts';
import type { ColumnKind } from './types.ts';

export interface PlannedColumn {
  name: string;
  kind: ColumnKind;
}

export interface GroupedSide {
  rows: number;
  /** SQL returning (v, n) for a planned column. */
  relation(column: string): string;
}

export async function groupSide(engine: DataEngine, view: string, plan: PlannedColumn[], table: string): Promise<GroupedSide> {
  const id = quoteIdentifier(table);
  const values = plan.map((column, i) => `${valueSql(column.name, column.kind)} AS c${i}`);
  const flags = plan.map((_, i) => `grouping(c${i}) AS g${i}`);
  const sets = [...plan.map((_, i) => `(c${i})`), '()'];
  const inner = values.length > 0 ? values.join(', ') : '1 AS one';
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE ${id} AS SELECT ${[...plan.map((_, i) => `c${i}`), ...flags, 'count(*) AS n'].join(', ')} ` +
      `FROM (SELECT ${inner} FROM ${quoteIdentifier(view)}) GROUP BY GROUPING SETS (${sets.join(', ')})`,
  );
  const allOthers = plan.map((_, i) => `g${i} = 1`).join(' AND ') || 'TRUE';
  const [total] = await engine.query(`SELECT n FROM ${id} WHERE ${allOthers}`);
  return {
    rows: Number(total?.n ?? 0),
    relation(column: string): string {
      const i = plan.findIndex((p) => p.name === column);
      const present = presentSql(plan[i]!.kind).replace(/\bv\b/g, `c${i}`);
      return `SELECT c${i} AS v, n FROM ${id} WHERE g${i} = 0 AND ${present}`;
    },
  };
}
