/** How a DuckDB column type is profiled and tested: numbers as numerical, text and booleans as categorical. */

/** A column's kind, from its DuckDB type; drift tests test the numerical and categorical ones. */
export type ValueKind = 'numerical' | 'categorical' | 'datetime' | 'other';

const NUMERICAL = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/;
const CATEGORICAL = /^(VARCHAR|BOOLEAN|ENUM.*|UUID)$/;
const DATETIME = /^(DATE|TIME|TIMESTAMP.*|TIMETZ|INTERVAL)/;

export function kindOfType(type: string): ValueKind {
  const upper = type.toUpperCase();
  if (NUMERICAL.test(upper)) return 'numerical';
  if (CATEGORICAL.test(upper)) return 'categorical';
  if (DATETIME.test(upper)) return 'datetime';
  return 'other';
}
