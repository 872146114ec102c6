/**
 * `on:` as GitHub applies it to an event: activity `types` (pull_request and
 * pull_request_target default to opened, synchronize and reopened), `branches`,
 * `tags` and `paths` with their `-ignore` forms in GitHub's filter-pattern syntax, and
 * the `workflows` of workflow_run. A filter key GitHub accepts and the executor does
 * not apply fails the run, naming it.
 */
import { WorkflowError } from './errors.ts';

/** What a filter reads from the event; `changedFiles` is asked only by a paths filter. */
export interface TriggerEvent {
  event: string;
  payload: Record<string, unknown>;
  ref: string;
  /** The files changed by the push or the pull request's diff (at most 300, as GitHub reads). */
  changedFiles?: () => string[];
}

type Filter = Record<string, unknown>;

const PATTERN_FILTERS = ['branches', 'tags', 'paths'] as const;
/** The filter keys the executor applies, per event; any other event takes `types` only. */
const SUPPORTED: Record<string, string[]> = {
  push: ['branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore'],
  pull_request: ['types', 'branches', 'branches-ignore', 'paths', 'paths-ignore'],
  pull_request_target: ['types', 'branches', 'branches-ignore', 'paths', 'paths-ignore'],
  workflow_run: ['types', 'workflows', 'branches', 'branches-ignore'],
  workflow_dispatch: ['inputs'],
  workflow_call: ['inputs', 'outputs', 'secrets'],
};
const PULL_REQUEST_DEFAULT_TYPES = ['opened', 'synchronize', 'reopened'];
/** GitHub reads at most this many changed files for a paths filter. */
export const PATHS_DIFF_LIMIT = 300;

/** `on:` in its mapping form: event name to its filter (null when it has none). */
export function eventsOf(on: unknown): Record<string, unknown> {
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((name) => [String(name), null]));
  return (on ?? {}) as Record<string, unknown>;
}

/**
 * Refuses what GitHub refuses in `on:` beyond the schema (a filter and its `-ignore`
 * form for one event) and what the executor does not apply.
 */
export function checkOn(on: unknown, file: string): void {
  for (const [event, value] of Object.entries(eventsOf(on))) {
    if (event === 'schedule' || value === null || typeof value !== 'object') continue;
    const filter = value as Filter;
    for (const name of PATTERN_FILTERS) {
      if (filter[name] !== undefined && filter[`${name}-ignore`] !== undefined) throw new WorkflowError(`${file}: on.${event}: you may only define one of \`${name}\` and \`${name}-ignore\` for a single event`);
    }
    const supported = SUPPORTED[event] ?? ['types'];
    for (const key of Object.keys(filter)) {
      if (!supported.includes(key)) throw new WorkflowError(`${file}: on.${event}.${key} is not supported by the workflow executor (it applies ${supported.join(', ')})`);
    }
  }
}

/**
 * One filter pattern as a regular expression: `*` any run without `/`, `**` any run
 * (before a slash, zero or more folders too),
 * `?` and `+` zero-or-one and one-or-more of the preceding character, `[…]` one listed
 * character or range, `\` escapes the next character. The whole value must match.
 */
export function patternRegExp(pattern: string): RegExp {
  const atoms: string[] = [];
  const literal = (char: string) => char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\' && i + 1 < pattern.length) {
      atoms.push(literal(pattern[++i]!));
    } else if (char === '*') {
      if (pattern[i + 1] === '*' && pattern[i + 2] === '/') {
        // `**/` also matches no folder at all: `**/README.md` matches README.md.
        atoms.push('(?:.*/)?');
        i += 2;
      } else if (pattern[i + 1] === '*') {
        atoms.push('.*');
        i++;
      } else atoms.push('[^/]*');
    } else if ((char === '?' || char === '+') && atoms.length > 0) {
      atoms.push(`(?:${atoms.pop()!})${char}`);
    } else if (char === '[' && pattern.indexOf(']', i + 2) !== -1) {
      const end = pattern.indexOf(']', i + 2);
      const body = pattern.slice(i + 1, end).replace(/[\\\]^]/g, '\\$&');
      atoms.push(`[${body}]`);
      i = end;
    } else atoms.push(literal(char));
  }
  return new RegExp(`^${atoms.join('')}$`);
}

/** A pattern list applied in order: a later match decides, a `!` pattern excludes. */
export function listMatches(patterns: string[], value: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (patternRegExp(pattern.slice(1)).test(value)) matched = false;
    } else if (patternRegExp(pattern).test(value)) matched = true;
  }
  return matched;
}

function list(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** `name` and `name-ignore` of a filter on one value; undefined when the filter has neither. */
function nameFilter(filter: Filter, name: string, value: string): boolean | undefined {
  const include = list(filter[name]);
  const ignore = list(filter[`${name}-ignore`]);
  if (include) return listMatches(include, value);
  if (ignore) return !listMatches(ignore, value);
  return undefined;
}

/** `paths` runs when one changed file is included; `paths-ignore` when one is not ignored. */
function pathsFilter(filter: Filter, files: () => string[]): boolean {
  const include = list(filter.paths);
  const ignore = list(filter['paths-ignore']);
  if (!include && !ignore) return true;
  const changed = files().slice(0, PATHS_DIFF_LIMIT);
  return include ? changed.some((file) => listMatches(include, file)) : changed.some((file) => !listMatches(ignore!, file));
}

/** Whether a workflow's `on:` starts it for this event. */
export function triggers(on: unknown, { event, payload, ref, changedFiles }: TriggerEvent): boolean {
  const events = eventsOf(on);
  if (!(event in events)) return false;
  if (event === 'schedule') return true;
  const filter = (events[event] ?? {}) as Filter;
  checkOn({ [event]: filter }, 'on:');
  const files = changedFiles ?? (() => { throw new WorkflowError(`on.${event}.paths: the executor was given no changed files for this event`); });
  const types = list(filter.types) ?? (event === 'pull_request' || event === 'pull_request_target' ? PULL_REQUEST_DEFAULT_TYPES : undefined);
  if (types && !types.includes(String(payload.action))) return false;
  if (event === 'push') {
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : null;
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
    const branches = branch === null ? undefined : nameFilter(filter, 'branches', branch);
    const tags = tag === null ? undefined : nameFilter(filter, 'tags', tag);
    const hasBranches = filter.branches !== undefined || filter['branches-ignore'] !== undefined;
    const hasTags = filter.tags !== undefined || filter['tags-ignore'] !== undefined;
    // Only one kind of ref filtered: a push of the other kind does not run it.
    if (branch !== null && (branches === false || (branches === undefined && hasTags))) return false;
    if (tag !== null && (tags === false || (tags === undefined && hasBranches))) return false;
    // Paths filters are not evaluated for pushes of tags.
    return tag !== null || pathsFilter(filter, files);
  }
  if (event === 'pull_request' || event === 'pull_request_target') {
    const base = String((payload.pull_request as { base?: { ref?: string } } | undefined)?.base?.ref ?? '');
    if (nameFilter(filter, 'branches', base) === false) return false;
    return pathsFilter(filter, files);
  }
  if (event === 'workflow_run') {
    const run = (payload.workflow_run ?? {}) as { name?: string; head_branch?: string | null };
    const workflows = list(filter.workflows);
    if (workflows && !workflows.includes(String(run.name))) return false;
    return nameFilter(filter, 'branches', String(run.head_branch ?? '')) !== false;
  }
  return true;
}
