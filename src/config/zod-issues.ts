/**
 * Turns zod issues into the words a user needs: what was expected, what was found,
 * and for an unknown key the closest known one.
 */
import { z } from 'zod';
import { didYouMean } from '../util/did-you-mean.ts';

export interface ExplainedIssue {
  path: PropertyKey[];
  /** For an unknown key: the key itself, so its own position can be shown. */
  unknownKey?: string;
  message: string;
}

/** The schema that applies at `path` inside `schema`, unwrapped from optional and default. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = unwrap((current.shape as Record<string, z.ZodType>)[String(segment)]);
    else if (current instanceof z.ZodRecord) current = unwrap(current.valueType as z.ZodType);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else return undefined;
  }
  return current;
}

/** The keys an object at `path` of `schema` accepts (empty when not an object). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const current = schemaAt(schema, path);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const typeWords: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/**
 * Explains issues, unknown keys first: a misspelt key is usually why a required key
 * looks missing, so it is the one worth reporting.
 */
export function explainIssues(schema: z.ZodType, input: unknown, issues: readonly z.core.$ZodIssue[]): ExplainedIssue[] {
  const ordered = [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  return ordered.flatMap((issue): ExplainedIssue[] => {
    const path = [...issue.path];
    const found = describeValue(valueAt(input, path));
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const suggestion = didYouMean(key, keysAt(schema, path));
          const hint = suggestion ? `; did you mean "${suggestion}"?` : `; expected one of: ${keysAt(schema, path).join(', ')}`;
          return { path: [...path, key], unknownKey: key, message: `unknown key${hint}` };
        });
      case 'invalid_type': {
        const expected = typeWords[issue.expected] ?? issue.expected;
        const message = found === 'nothing' ? `missing; expected ${expected}` : `expected ${expected}, got ${found}`;
        return [{ path, message }];
      }
      case 'invalid_value':
        return [{ path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${found}` }];
      case 'too_small': {
        const what = issue.origin === 'array' ? `at least ${String(issue.minimum)} item(s)` : issue.origin === 'string' ? 'a non-empty string' : `a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
        return [{ path, message: `expected ${what}, got ${found}` }];
      }
      case 'too_big': {
        const what = issue.origin === 'array' ? `at most ${String(issue.maximum)} item(s)` : `a number ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
        return [{ path, message: `expected ${what}, got ${found}` }];
      }
      case 'invalid_key': {
        const inner = issue.issues[0];
        const rule = inner && inner.code === 'invalid_format' && 'pattern' in inner ? `a name matching ${String(inner.pattern)}` : 'a valid name';
        return [{ path, unknownKey: String(path[path.length - 1]), message: `invalid name ${JSON.stringify(path[path.length - 1])}; expected ${rule}` }];
      }
      case 'invalid_union':
        return [{ path, message: `expected ${unionWords(schema, path)}, got ${found}` }];
      case 'invalid_format':
        return [{ path, message: `expected ${'pattern' in issue ? `a value matching ${String(issue.pattern)}` : issue.format}, got ${found}` }];
      default:
        return [{ path, message: issue.message }];
    }
  });
}

function unionWords(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const union = schemaAt(schema, path);
  if (!(union instanceof z.ZodUnion)) return 'a different kind of value';
  const words = (union.options as z.ZodType[]).map((option) => {
    const inner = unwrap(option);
    if (inner instanceof z.ZodArray) return 'a list of them';
    return typeWords[inner?.type ?? ''] ?? inner?.type ?? 'a value';
  });
  return words.join(' or ');
}
