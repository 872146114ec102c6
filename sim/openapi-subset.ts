/**
 * Builds the compact slice of GitHub's OpenAPI description that the simulator serves:
 * only the operations it implements, with their parameters, bodies and response
 * schemas, and the component schemas they reach. Loading the full description (13 MB,
 * 73 MB dereferenced) in every test process would dominate test time, so
 * scripts/generate-sim-openapi.ts writes this slice to sim/generated/ and a test
 * checks it is current.
 */

/** A JSON Schema as it appears in the description (OpenAPI 3.0 dialect). */
export type JsonSchema = { [key: string]: unknown };

export interface SubsetParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface SubsetOperation {
  method: string;
  path: string;
  /** `uploads` for operations GitHub serves on uploads.github.com. */
  host: 'api' | 'uploads';
  parameters: SubsetParameter[];
  requestBody: { required: boolean; content: Record<string, JsonSchema | null> } | null;
  /** Status code (or `default`) to the response schema per media type; null: no body. */
  responses: Record<string, Record<string, JsonSchema | null> | null>;
}

export interface OpenApiSubset {
  source: { package: string; version: string; file: string };
  /** Every `METHOD /path` in the description, to tell "not simulated" from "not GitHub". */
  allOperations: string[];
  operations: Record<string, SubsetOperation>;
  /** Component schemas, referenced as `github#/definitions/<name>`. */
  definitions: Record<string, JsonSchema>;
}

type Doc = {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
/** Annotation keywords that do not affect validation; dropped to keep the slice small. */
const ANNOTATIONS = new Set(['description', 'example', 'examples', 'externalDocs', 'summary', 'title', 'x-github', 'deprecated']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not']);

function resolve(doc: Doc, value: unknown): Record<string, unknown> {
  let node = value as Record<string, unknown>;
  while (typeof node.$ref === 'string') {
    const parts = node.$ref.slice(2).split('/');
    node = parts.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], doc) as Record<string, unknown>;
  }
  return node;
}

/**
 * OpenAPI 3.0's `nullable` as plain JSON Schema: `type: [t, 'null']` (with `null` added
 * to an `enum`), or `anyOf: [schema, {type: 'null'}]` when there is no `type`.
 */
function withoutNullable(schema: JsonSchema): JsonSchema {
  if (schema.nullable !== true) {
    delete schema.nullable;
    return schema;
  }
  const rest = { ...schema };
  delete rest.nullable;
  if (typeof rest.type === 'string') {
    const out: JsonSchema = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) out.enum = [...rest.enum, null];
    return out;
  }
  return { anyOf: [rest, { type: 'null' }] };
}

/** Copies a schema without annotations, rewriting component refs and collecting them. */
function slimSchema(node: unknown, reached: Set<string>): JsonSchema {
  return withoutNullable(slimNode(node, reached));
}

function slimNode(node: unknown, reached: Set<string>): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/components/schemas/', '');
      reached.add(name);
      out.$ref = `github#/definitions/${name}`;
    } else if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, slimSchema(v, reached)]));
    } else if (SCHEMA_LISTS.has(key)) {
      // GitHub's oneOf alternatives overlap (an error body matches several), so a
      // response GitHub itself sends would fail oneOf: check them as anyOf.
      out[key === 'oneOf' ? 'anyOf' : key] = (value as unknown[]).map((v) => slimSchema(v, reached));
    } else if (SCHEMA_ONE.has(key) && typeof value === 'object' && value !== null) {
      out[key] = slimSchema(value, reached);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function slimContent(doc: Doc, content: unknown, reached: Set<string>): Record<string, JsonSchema | null> {
  const out: Record<string, JsonSchema | null> = {};
  for (const [type, media] of Object.entries((content ?? {}) as Record<string, { schema?: unknown }>)) {
    out[type] = media.schema ? slimSchema(media.schema, reached) : null;
  }
  return out;
}

function slimOperation(doc: Doc, path: string, method: string, op: Record<string, unknown>, reached: Set<string>): SubsetOperation {
  const servers = (op.servers ?? []) as Array<{ url: string }>;
  const parameters = ((op.parameters ?? []) as unknown[]).map((p) => {
    const param = resolve(doc, p);
    return {
      name: param.name as string,
      in: param.in as SubsetParameter['in'],
      required: param.required === true,
      schema: slimSchema(param.schema ?? {}, reached),
    };
  });
  const body = op.requestBody ? resolve(doc, op.requestBody) : null;
  const responses: SubsetOperation['responses'] = {};
  for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, unknown>)) {
    const resolved = resolve(doc, response);
    responses[status] = resolved.content ? slimContent(doc, resolved.content, reached) : null;
  }
  return {
    method,
    path,
    host: servers.some((s) => s.url.includes('uploads.github.com')) ? 'uploads' : 'api',
    parameters,
    requestBody: body ? { required: body.required === true, content: slimContent(doc, body.content, reached) } : null,
    responses,
  };
}

/** Slices `doc` down to `operationIds`; throws naming any id the description lacks. */
export function buildOpenApiSubset(doc: Doc, operationIds: readonly string[], source: OpenApiSubset['source']): OpenApiSubset {
  const wanted = new Set(operationIds);
  const reached = new Set<string>();
  const operations: Record<string, SubsetOperation> = {};
  const allOperations: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      allOperations.push(`${method.toUpperCase()} ${path}`);
      const id = op.operationId as string;
      if (wanted.has(id)) operations[id] = slimOperation(doc, path, method, op, reached);
    }
  }
  const missing = [...wanted].filter((id) => !operations[id]);
  if (missing.length > 0) throw new Error(`not in GitHub's API description: ${missing.join(', ')}`);
  const definitions: Record<string, JsonSchema> = {};
  const queue = [...reached];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (definitions[name]) continue;
    const before = new Set(reached);
    definitions[name] = slimSchema(doc.components.schemas![name], reached);
    for (const next of reached) if (!before.has(next)) queue.push(next);
  }
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]!]));
  const sortedOps = Object.fromEntries(Object.keys(operations).sort().map((k) => [k, operations[k]!]));
  return { source, allOperations: allOperations.sort(), operations: sortedOps, definitions: sorted };
}
