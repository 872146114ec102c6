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
let definitions: Record<string, unknown> | undefined;
let examples: ExampleGroup[] | undefined;
const validators = new Map<string, ValidateFunction>();

function schemaDefinitions(): Record<string, unknown> {
  definitions ??= (JSON.parse(readFileSync(require.resolve('@octokit/webhooks-schemas/schema.json'), 'utf8')) as { definitions: Record<string, unknown> }).definitions;
  return definitions;
}

/** The validator of an event: `pull_request$opened`, or `push$event` for events without actions. */
function validatorFor(event: string, action: string | undefined): ValidateFunction | undefined {
  const known = schemaDefinitions();
  const candidates = action ? [`${event}$${action}`] : [`${event}$event`, `${event}_event`];
  const name = candidates.find((n) => known[n] !== undefined);
  if (!name) return undefined;
  let validate = validators.get(name);
  if (!validate) {
    if (!checking) {
      checking = new Ajv({ strict: false, allErrors: true, inlineRefs: false });
      addFormats.default(checking);
      checking.addSchema({ $id: 'webhooks', definitions: known });
    }
    validate = checking.compile({ $ref: `webhooks#/definitions/${name}` });
    validators.set(name, validate);
  }
  return validate;
}

function at(root: Record<string, unknown>, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

/**
 * Removes, in place, properties the event's schema reports as not allowed (webhook
 * schemas forbid extra ones), so REST-shaped objects can be laid into payloads.
 */
export function prunePayload(event: string, action: string | undefined, payload: Record<string, unknown>): void {
  const validate = validatorFor(event, action);
  if (!validate) return;
  for (let round = 0; round < 3 && !validate(payload); round++) {
    const extra = (validate.errors ?? []).filter((e) => e.keyword === 'additionalProperties');
    if (extra.length === 0) return;
    for (const e of extra) {
      const parent = at(payload, e.instancePath);
      if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[String(e.params.additionalProperty)];
    }
  }
}

/** Problems with a payload for `event` (and `action`); empty when it conforms. */
export function validateWebhook(event: string, action: string | undefined, payload: unknown): string[] {
  const validate = validatorFor(event, action);
  if (!validate) return [`no webhook schema for ${event}${action ? `.${action}` : ''}`];
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
