/**
 * Builds webhook payloads: GitHub's real example for the event is the base, and the
 * simulator's own objects are laid over it. Nested objects keep exactly the example's
 * keys (webhook schemas forbid extra ones); fields the simulator does not model keep the
 * example's values. An event without an example borrows object shapes from others.
 */
import { examplePayload } from './webhook-schemas.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `ours` restricted to the keys of `base`, recursively; base values fill the gaps. */
export function overlay(base: unknown, ours: unknown): unknown {
  if (isObject(base) && isObject(ours)) {
    const out: Json = {};
    for (const [key, value] of Object.entries(base)) out[key] = key in ours ? overlay(value, ours[key]) : value;
    return out;
  }
  if (Array.isArray(ours) && Array.isArray(base) && isObject(base[0])) return ours.map((item) => overlay(base[0], item));
  return ours;
}

/** Where to borrow the shape of a top-level payload field from: `event.action` and key. */
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

/** The payload for `event`/`action` with `fields` laid over the example. */
export function buildPayload(event: string, action: string | undefined, fields: Json): Json {
  const example = examplePayload(event, action) ?? {};
  const payload: Json = { ...(action ? { action } : {}) };
  for (const key of Object.keys(example)) payload[key] = example[key];
  for (const [key, value] of Object.entries(fields)) {
    const base = key in example && example[key] !== null ? example[key] : template(key);
    payload[key] = base === undefined ? value : overlay(base, value);
  }
  delete payload.organization;
  delete payload.enterprise;
  return payload;
}
