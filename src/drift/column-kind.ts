/** How a DuckDB column type is tested: numbers as numerical, text and booleans as categorical. */
import type { ColumnDrift } from './types.ts';

const NUMERICAL = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/;
const CATEGORICAL = /^(VARCHAR|BOOLEAN|ENUM.*|UUID)$/;
const DATETIME = /^(DATE|TIME|TIMESTAMP.*|TIMETZ|INTERVAL)/;

export function kindOfType(type: string): ColumnDrift['kind'] {
  const upper = type.toUpperCase();
  if (NUMERICAL.test(upper)) return 'numerical';
  if (CATEGORICAL.test(upper)) return 'categorical';
  if (DATETIME.test(upper)) return 'datetime';
  return 'other';
}
