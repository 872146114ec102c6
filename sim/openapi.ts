/**
 * GitHub's API description, as the simulator uses it: match a request to an operation by
 * method and path template, and validate parameters, request bodies and responses with
 * ajv. The slice in generated/openapi-subset.json is read once per process, and each
 * validator is compiled on first use.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema, OpenApiSubset, SubsetOperation } from './openapi-subset.ts';

export const SUBSET_FILE = new URL('./generated/openapi-subset.json', import.meta.url);

/** A path template split into literal and parameter segments, for matching. */
interface CompiledPath {
  operationId: string;
  operation: SubsetOperation;
  segments: Array<{ literal: string } | { param: string }>;
}

export interface MatchedOperation {
  operationId: string;
  operation: SubsetOperation;
  pathParams: Record<string, string>;
}

/** Parameters GitHub treats as the rest of the path (`contents/{path}`, `git/ref/{ref}`). */
const GREEDY = new Set(['path', 'ref']);

function compilePath(operationId: string, operation: SubsetOperation): CompiledPath {
  const segments = operation.path
    .split('/')
    .slice(1)
    .map((s) => (s.startsWith('{') ? { param: s.slice(1, -1) } : { literal: s }));
  return { operationId, operation, segments };
}

function matchPath(compiled: CompiledPath, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const { segments } = compiled;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else if (i === segments.length - 1 && GREEDY.has(segment.param)) {
      params[segment.param] = parts.slice(i).map(decodeURIComponent).join('/');
      return params;
    } else {
      params[segment.param] = decodeURIComponent(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
}

/** Literal segments first, so `/releases/latest` wins over `/releases/{release_id}`. */
function specificity(a: CompiledPath, b: CompiledPath): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const la = a.segments[i] && 'literal' in a.segments[i]! ? 1 : 0;
    const lb = b.segments[i] && 'literal' in b.segments[i]! ? 1 : 0;
    if (la !== lb) return lb - la;
  }
  return b.segments.length - a.segments.length;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

export class OpenApi {
  readonly subset: OpenApiSubset;
  private readonly paths: CompiledPath[];
  private readonly allOperations: Array<{ method: string; regex: RegExp }>;
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly coercing: Ajv;

  constructor(subset: OpenApiSubset) {
    this.subset = subset;
    this.paths = Object.entries(subset.operations)
      .map(([id, op]) => compilePath(id, op))
      .sort(specificity);
    this.allOperations = subset.allOperations.map((line) => {
      const [method, path] = line.split(' ') as [string, string];
      const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      return { method, regex: new RegExp(`^${pattern}$`) };
    });
    this.ajv = newAjv(subset, false);
    this.coercing = newAjv(subset, true);
  }

  /** The implemented operation for a request, if any. */
  match(method: string, pathname: string, host: 'api' | 'uploads'): MatchedOperation | undefined {
    const parts = pathname.split('/').slice(1);
    for (const compiled of this.paths) {
      if (compiled.operation.method !== method.toLowerCase() || compiled.operation.host !== host) continue;
      const pathParams = matchPath(compiled, parts);
      if (pathParams) return { operationId: compiled.operationId, operation: compiled.operation, pathParams };
    }
    return undefined;
  }

  /** Whether GitHub's description has this method and path at all (implemented or not). */
  describes(method: string, pathname: string): boolean {
    return this.allOperations.some((o) => o.method === method.toUpperCase() && o.regex.test(pathname));
  }

  /**
   * Validates and coerces path and query parameters. Returns the coerced values and the
   * problems found (unknown query parameters are allowed, as GitHub ignores them).
   */
  validateParams(match: MatchedOperation, query: URLSearchParams): { params: Record<string, unknown>; problems: string[] } {
    const values: Record<string, unknown> = { ...match.pathParams };
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const p of match.operation.parameters) {
      if (p.in === 'header') continue;
      properties[p.name] = p.schema;
      if (p.required) required.push(p.name);
      if (p.in === 'query') {
        const all = query.getAll(p.name).concat(query.getAll(`${p.name}[]`));
        if (all.length > 0) values[p.name] = p.schema.type === 'array' ? all.flatMap((v) => v.split(',')) : all[0];
      }
    }
    const key = `params:${match.operationId}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.coercing.compile({ type: 'object', properties, required });
      this.validators.set(key, validate);
    }
    const ok = validate(values);
    return { params: values, problems: ok ? [] : describe(validate.errors) };
  }

  /** Problems with a JSON request body; empty when it conforms. */
  validateBody(match: MatchedOperation, body: unknown, contentType: string): string[] {
    const spec = match.operation.requestBody;
    if (!spec || body === undefined) return [];
    const schema = spec.content[contentType] ?? spec.content['application/json'];
    if (!schema || contentType !== 'application/json') return [];
    return this.check(`body:${match.operationId}`, schema, body);
  }

  /**
   * Problems with a response. A status the description lists is checked against its
   * schema; an undocumented success status is itself a problem; error statuses without
   * a documented body are checked against GitHub's basic error shape.
   */
  validateResponse(operationId: string, status: number, body: unknown): string[] {
    const operation = this.subset.operations[operationId]!;
    const key = String(status) in operation.responses ? String(status) : 'default';
    const declared = operation.responses[key];
    if (declared === undefined || (declared === null && status >= 400)) {
      if (status < 400) return [`status ${status} is not a documented response of ${operationId}`];
      return this.check('basic-error', { $ref: 'github#/definitions/basic-error' }, body);
    }
    if (declared === null) return body === undefined ? [] : [`status ${status} of ${operationId} has no body, but one was sent`];
    const schema = declared['application/json'] ?? Object.values(declared)[0];
    if (!schema) return [];
    return this.check(`response:${operationId}:${status}`, schema, body);
  }

  private check(key: string, schema: JsonSchema, value: unknown): string[] {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate(value) ? [] : describe(validate.errors);
  }
}

function newAjv(subset: OpenApiSubset, coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateFormats: true, inlineRefs: false });
  addFormats.default(ajv);
  for (const format of ['int32', 'int64', 'binary', 'repo.nwo', 'ssh-key', 'ssh-key fingerprint', 'uri-template', 'hostname']) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  ajv.addSchema({ $id: 'github', definitions: subset.definitions });
  return ajv;
}

let loaded: OpenApi | undefined;

/** The process-wide description, read on first use. */
export function openApi(): OpenApi {
  loaded ??= new OpenApi(JSON.parse(readFileSync(SUBSET_FILE, 'utf8')) as OpenApiSubset);
  return loaded;
}
