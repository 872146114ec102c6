/**
 * The webhook payload schemas (@octokit/webhooks-schemas) and real example payloads
 * (@octokit/webhooks-examples), each read on first use.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown>>;
}

let checking: Ajv | undefined;
let pruning: Ajv | undefined;
let definitions: Record<string, unknown> | undefined;
let examples: ExampleGroup[] | undefined;
const validators = new Map<string, ValidateFunction>();

function schemaDefinitions(): Record<string, unknown> {
  definitions ??= (JSON.parse(readFileSync(require.resolve('@octokit/webhooks-schemas/schema.json'), 'utf8')) as { definitions: Record<string, unknown> }).definitions;
  return definitions;
}

function newAjv(removeAdditional: boolean): Ajv {
  const definitions = schemaDefinitions();
  const ajv = new Ajv({ strict: false, allErrors: !removeAdditional, removeAdditional });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'webhooks', definitions });
  return ajv;
}

/** The schema name of an event: `pull_request$opened`, or `push$event` for events without actions. */
function schemaName(event: string, action: string | undefined): string | undefined {
  const known = schemaDefinitions();
  const candidates = action ? [`${event}$${action}`] : [`${event}$event`, `${event}_event`];
  return candidates.find((name) => known[name] !== undefined);
}

function validator(ajv: Ajv, kind: string, name: string): ValidateFunction {
  const key = `${kind}:${name}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `webhooks#/definitions/${name}` });
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Removes, in place, properties the event's schema does not allow (webhook schemas
 * forbid extra ones), so REST-shaped objects can be laid into payloads.
 */
export function prunePayload(event: string, action: string | undefined, payload: Record<string, unknown>): void {
  const name = schemaName(event, action);
  if (!name) return;
  pruning ??= newAjv(true);
  validator(pruning, 'prune', name)(payload);
}

/** Problems with a payload for `event` (and `action`); empty when it conforms. */
export function validateWebhook(event: string, action: string | undefined, payload: unknown): string[] {
  const name = schemaName(event, action);
  if (!name) return [`no webhook schema for ${event}${action ? `.${action}` : ''}`];
  checking ??= newAjv(false);
  const validate = validator(checking, 'check', name);
  if (validate(payload)) return [];
  return (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** A deep copy of GitHub's example payload for `event`/`action`, if the examples have one. */
export function examplePayload(event: string, action: string | undefined): Record<string, unknown> | undefined {
  examples ??= JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as ExampleGroup[];
  const group = examples.find((g) => g.name === event);
  const example = group?.examples.find((e) => action === undefined || e.action === action);
  return example ? structuredClone(example) : undefined;
}
