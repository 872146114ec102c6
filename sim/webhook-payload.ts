/**
 * Builds webhook payloads: GitHub's real example for the event is the base and the
 * simulator's own objects are merged over it (the simulator's values win; fields it
 * does not model keep the example's values); then properties the event's schema does
 * not allow are removed. An event without an example borrows object shapes from others.
 */
import { examplePayload, prunePayload } from './webhook-schemas.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `ours` over `base`, recursively; arrays of objects take their item shape from base's first item. */
export function merge(base: unknown, ours: unknown): unknown {
  if (isObject(base) && isObject(ours)) {
    const out: Json = { ...base };
    for (const [key, value] of Object.entries(ours)) out[key] = merge(base[key], value);
    return out;
  }
  if (Array.isArray(ours) && Array.isArray(base) && isObject(base[0])) return ours.map((item) => merge(base[0], item));
  return ours;
}

/** Where to borrow the shape of a top-level payload field from: event, action, key. */
const BORROW: Record<string, [string, string | undefined, string]> = {
  repository: ['pull_request', 'opened', 'repository'],
  sender: ['pull_request', 'opened', 'sender'],
  deployment: ['deployment', undefined, 'deployment'],
  pull_requests: ['pull_request', 'opened', 'pull_request'],
  pull_request: ['pull_request', 'opened', 'pull_request'],
  workflow_run: ['workflow_run', 'completed', 'workflow_run'],
  release: ['release', 'published', 'release'],
};

function template(key: string): unknown {
  const borrow = BORROW[key];
  if (!borrow) return undefined;
  const shape = examplePayload(borrow[0], borrow[1])?.[borrow[2]];
  return key === 'pull_requests' ? [shape] : shape;
}

/** The payload for `event`/`action`: `fields` merged over the example, pruned to the schema. */
export function buildPayload(event: string, action: string | undefined, fields: Json): Json {
  const example = examplePayload(event, action) ?? {};
  const payload: Json = { ...example, ...(action ? { action } : {}) };
  for (const [key, value] of Object.entries(fields)) {
    const base = isObject(example[key]) || Array.isArray(example[key]) ? example[key] : template(key);
    payload[key] = base === undefined ? value : merge(base, value);
  }
  delete payload.organization;
  delete payload.enterprise;
  prunePayload(event, action, payload);
  return payload;
}
