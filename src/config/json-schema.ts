/** The published JSON Schema of trainyard.yml, generated from the zod schema. */
import { z } from 'zod';
import { configSchema } from './schema.ts';

export const SCHEMA_ID = 'https://raw.githubusercontent.com/trainyard/trainyard/main/schema/trainyard.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: SCHEMA_ID, title: 'trainyard configuration' };
}

export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
