/**
 * Parses YAML safely and keeps the source positions, so errors found later (by the
 * zod schema) can point at the line and column of the offending key or value.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError, type SourcePosition } from '../errors.ts';

/** Files above this size are refused before parsing. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Aliases above this count are an alias bomb ("billion laughs"), refused. */
export const MAX_ALIASES = 100;

export interface YamlSource {
  file: string;
  document: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES) {
    throw new ConfigError({ file, message: `file is ${bytes} bytes; expected at most ${MAX_CONFIG_BYTES} (1 MiB)` });
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = document.errors[0];
  if (first) {
    const position = first.pos ? toPosition(lines, first.pos[0]) : undefined;
    throw new ConfigError({ file, message: `invalid YAML: ${first.message.split('\n')[0]}`, ...(position ? { position } : {}) });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error && /alias/i.test(error.message) ? `too many YAML aliases (an alias bomb); expected at most ${MAX_ALIASES}` : `invalid YAML: ${String(error)}`;
    throw new ConfigError({ file, message: reason });
  }
  return { file, document, lines, value };
}

function toPosition(lines: LineCounter, offset: number): SourcePosition {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/**
 * The position of the node at `path`, or of its closest existing ancestor when the
 * path does not exist (a missing required key points at the object that lacks it).
 * With `keyOf`, the position of that key inside the map at `path`.
 */
export function positionOf(source: YamlSource, path: readonly PropertyKey[], keyOf?: string): SourcePosition | undefined {
  let node: unknown = source.document.contents;
  for (const segment of path) {
    const next: unknown = (node as { get?: (key: unknown, keepScalar: boolean) => unknown })?.get?.(segment, true);
    if (next === undefined || next === null) break;
    node = next;
  }
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === keyOf);
    if (pair && isScalar(pair.key) && pair.key.range) return toPosition(source.lines, pair.key.range[0]);
  }
  const range = (node as Node | null)?.range;
  return range ? toPosition(source.lines, range[0]) : undefined;
}
