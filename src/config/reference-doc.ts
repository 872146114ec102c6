/**
 * docs/configuration.md, generated from the JSON Schema so the reference can never
 * disagree with what the loader accepts.
 */
import { configJsonSchema } from './json-schema.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  required?: string[];
  minimum?: number;
  maximum?: number;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'values'}`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) return 'map';
  return String(schema.type ?? 'any');
}

function rows(schema: JsonSchema, prefix: string, required: boolean): string[] {
  const lines: string[] = [];
  if (prefix) {
    const fallback = schema.default === undefined ? (required ? 'required' : '') : `\`${JSON.stringify(schema.default)}\``;
    lines.push(`| \`${prefix}\` | ${typeOf(schema)} | ${fallback} | ${(schema.description ?? '').replace(/\|/g, '\\|')} |`);
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    lines.push(...rows(child, prefix ? `${prefix}.${key}` : key, schema.required?.includes(key) ?? false));
  }
  const values = schema.additionalProperties;
  if (values && typeof values === 'object' && (values.properties || values.anyOf === undefined)) {
    if (values.properties) lines.push(...rows(values, `${prefix}.<name>`, false).slice(0));
  }
  return lines;
}

export function renderConfigReference(): string {
  const schema = configJsonSchema() as JsonSchema;
  return [
    '# Configuration reference',
    '',
    'One file per repository, `.github/trainyard.yml`. Paths are relative to the project',
    'root: the folder holding `.github/` (or the config\'s own folder when it lives',
    'elsewhere). Editors validate and complete it with `schema/trainyard.schema.json`',
    '(add `# yaml-language-server: $schema=<url of that file>` at the top).',
    '`trainyard config check` validates it; an error names the file, line, column and',
    'key, what was expected, and the closest known key for a misspelt one. Files over',
    '1 MiB and YAML alias bombs are refused.',
    '',
    'This page is generated from `src/config/schema.ts` (`npm run generate`).',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows(schema, '', false),
    '',
  ].join('\n');
}
