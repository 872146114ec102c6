/** Writes an inferred schema as the YAML a user reads and edits: one line per column. */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { docsUrl } from '../workflows/refs.ts';
import type { InferredSchema } from './infer.ts';

export function renderSchemaYaml(schema: InferredSchema, data: string): string {
  const document = new Document({ columns: schema.columns });
  const columns = document.get('columns');
  if (isMap(columns)) {
    for (const item of columns.items) {
      if (!isMap(item.value)) continue;
      item.value.flow = true;
      // Quoted, so YAML 1.1 readers (PyYAML) keep dates as text, as trainyard does.
      for (const rule of item.value.items) {
        if (isScalar(rule.key) && rule.key.value === 'type') continue;
        const values = isSeq(rule.value) ? rule.value.items : [rule.value];
        for (const value of values) if (isScalar(value) && typeof value.value === 'string') value.type = 'QUOTE_DOUBLE';
      }
    }
  }
  const header = [
    `# Data schema inferred by trainyard from ${data} (${schema.rows} rows).`,
    '# min and max are the observed values: widen them where new data may go further.',
    `# Rules: ${docsUrl('validation.md')}. Check data with: trainyard validate --data <file> --schema <this file>`,
  ];
  return `${header.join('\n')}\n${document.toString({ lineWidth: 0, flowCollectionPadding: true })}`;
}
