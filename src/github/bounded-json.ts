/**
 * JSON from an artifact, bounded before it is parsed. Pull-request code writes these
 * files, and `JSON.parse` of a few tens of megabytes with millions of keys holds the
 * event loop for seconds and the heap for hundreds of megabytes. So the bytes are
 * counted first, then one pass over them counts keys and array items and the nesting
 * depth (strings skipped, escapes honoured) and stops at the first limit exceeded; only
 * a document within every limit reaches `JSON.parse`.
 */
export interface JsonLimits {
  maxBytes: number;
  /** Object keys plus array items, over the whole document. */
  maxMembers: number;
  maxDepth: number;
}

/** metrics.json: a few dozen numbers in practice. */
export const METRICS_JSON_LIMITS: JsonLimits = { maxBytes: 1024 * 1024, maxMembers: 10_000, maxDepth: 16 };
/** drift.json: one entry per column with its test, bins and counts. */
export const DRIFT_JSON_LIMITS: JsonLimits = { maxBytes: 16 * 1024 * 1024, maxMembers: 500_000, maxDepth: 32 };

export class JsonLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonLimitError';
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** Checks `bytes` against `limits` without parsing; throws JsonLimitError naming `where`. */
export function checkJsonLimits(bytes: Buffer, where: string, limits: JsonLimits): void {
  if (bytes.length > limits.maxBytes) throw new JsonLimitError(`${where}: ${bytes.length} bytes, more than the ${limits.maxBytes} allowed`);
  let members = 0;
  let depth = 0;
  let inString = false;
  // Which container each open level is: an array's commas separate items, an object's colons mark keys.
  const arrays = new Uint8Array(limits.maxDepth + 1);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === COLON || (byte === COMMA && depth > 0 && arrays[depth] === 1)) {
      if (++members > limits.maxMembers) throw new JsonLimitError(`${where}: more than ${limits.maxMembers} keys and items`);
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > limits.maxDepth) throw new JsonLimitError(`${where}: nested deeper than ${limits.maxDepth} levels`);
      arrays[depth] = byte === OPEN_ARRAY ? 1 : 0;
    } else if ((byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) && depth > 0) depth--;
  }
}

/** Parses JSON from an artifact within `limits`. */
export function parseBoundedJson(bytes: Buffer, where: string, limits: JsonLimits): unknown {
  checkJsonLimits(bytes, where, limits);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`${where} is not JSON`);
  }
}
