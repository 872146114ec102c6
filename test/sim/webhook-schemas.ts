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

let ajv: Ajv | undefined;
let examples: ExampleGroup[] | undefined;
const validators = new Map<string, ValidateFunction>();

function schemaAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const schema = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-schemas/schema.json'), 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ $id: 'webhooks', definitions: schema.definitions });
  }
  return ajv;
}

/** Problems with a payload for `event` (and `action`); empty when it conforms. */
export function validateWebhook(event: string, action: string | undefined, payload: unknown): string[] {
  const ajv = schemaAjv();
  const name = action ? `${event}$${action}` : `${event}_event`;
  let validate = validators.get(name);
  if (!validate) {
    const known = ajv.getSchema(`webhooks#/definitions/${name}`);
    if (!known) return [`no webhook schema for ${name}`];
    validate = ajv.compile({ $ref: `webhooks#/definitions/${name}` });
    validators.set(name, validate);
  }
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
