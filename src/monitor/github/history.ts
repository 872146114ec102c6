/**
 * Monitoring history on a data branch (`trainyard-monitoring` by default): one file of
 * JSON lines per model, `<model>.jsonl`, one line per chunk, sorted by chunk start. A
 * chunk is identified by its chunking, start and end, so publishing a result again
 * replaces its chunks instead of appending duplicates. The branch is written through
 * the git data API (blob, tree, commit, ref): the first write creates it as a root
 * commit that shares no history with the code; a write that lost a race (the ref moved
 * meanwhile) reads the branch again and merges once more.
 */
import { DataError, statusOf } from '../../errors.ts';
import { call, createRefIfFree, type RepoContext } from '../../registry/github/client.ts';
import type { ChunkResult, MonitorResult } from '../types.ts';

export const HISTORY_BRANCH = 'trainyard-monitoring';

/** One chunk as the history keeps it: the chunk, and where and when it was computed. */
export interface HistoryRecord extends ChunkResult {
  model: string;
  chunking: string;
  version: string | null;
  runUrl: string | null;
  recordedAt: string;
}

export const historyFile = (model: string): string => `${model}.jsonl`;

export const recordKey = (record: Pick<HistoryRecord, 'chunking' | 'start' | 'end'>): string => `${record.chunking}|${record.start}|${record.end}`;

export function parseHistory(text: string, file: string): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new DataError(`${file}:${index + 1}: invalid JSON (${(error as Error).message}); expected one chunk record per line`);
    }
    const record = parsed as Partial<HistoryRecord> | null;
    if (!record || typeof record.start !== 'string' || typeof record.end !== 'string' || typeof record.chunking !== 'string' || !Array.isArray(record.alerts)) {
      throw new DataError(`${file}:${index + 1}: expected a chunk record with start, end, chunking and alerts`);
    }
    records.push(record as HistoryRecord);
  });
  return records;
}

export function renderHistory(records: HistoryRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

const byTime = (a: HistoryRecord, b: HistoryRecord): number => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.chunking.localeCompare(b.chunking);

/** The result's chunks as records. */
export function toRecords(result: MonitorResult, meta: { version: string | null; runUrl: string | null; recordedAt: string }): HistoryRecord[] {
  return result.chunks.map((chunk) => ({ model: result.model, chunking: result.chunking, ...chunk, version: meta.version, runUrl: meta.runUrl, recordedAt: meta.recordedAt }));
}

/** The history with `incoming` in place: a chunk already there is replaced, the rest kept, sorted by time. */
export function mergeHistory(previous: HistoryRecord[], incoming: HistoryRecord[]): HistoryRecord[] {
  const merged = new Map(previous.map((r) => [recordKey(r), r]));
  for (const record of incoming) merged.set(recordKey(record), record);
  return [...merged.values()].sort(byTime);
}

export interface BranchState {
  /** The branch head, null when the branch does not exist yet. */
  head: string | null;
  tree: string | null;
  text: string | null;
}

/** Reads the model's history file at the branch head (via the commit's tree and the blob: no size limit of the contents API). */
export async function readHistoryFile(context: RepoContext, branch: string, file: string): Promise<BranchState> {
  const { octokit, owner, repo } = context;
  let head: string;
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    head = data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return { head: null, tree: null, text: null };
    return call(context, `reading branch ${branch}`, () => Promise.reject(error));
  }
  const { data: commit } = await call(context, `reading ${branch} at ${head.slice(0, 7)}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: head }));
  const { data: tree } = await call(context, `reading the tree of ${branch}`, () => octokit.rest.git.getTree({ owner, repo, tree_sha: commit.tree.sha }));
  const entry = tree.tree.find((e) => e.path === file && e.type === 'blob');
  if (!entry?.sha) return { head, tree: commit.tree.sha, text: null };
  const { data: blob } = await call(context, `reading ${branch}:${file}`, () => octokit.rest.git.getBlob({ owner, repo, file_sha: entry.sha! }));
  return { head, tree: commit.tree.sha, text: Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8') };
}

/** Commits `text` as `file` on the branch; false when the branch moved meanwhile (the caller reads again). */
export async function writeHistoryFile(context: RepoContext, branch: string, file: string, state: BranchState, text: string, message: string): Promise<boolean> {
  const { octokit, owner, repo } = context;
  const { data: blob } = await call(context, `writing ${file} to ${branch}`, () => octokit.rest.git.createBlob({ owner, repo, content: Buffer.from(text).toString('base64'), encoding: 'base64' }));
  const { data: tree } = await call(context, `writing the tree of ${branch}`, () =>
    octokit.rest.git.createTree({ owner, repo, ...(state.tree ? { base_tree: state.tree } : {}), tree: [{ path: file, mode: '100644', type: 'blob', sha: blob.sha }] }),
  );
  const { data: commit } = await call(context, `committing to ${branch}`, () => octokit.rest.git.createCommit({ owner, repo, message, tree: tree.sha, parents: state.head ? [state.head] : [] }));
  if (!state.head) return createRefIfFree(context, `heads/${branch}`, commit.sha);
  try {
    await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
    return true;
  } catch (error) {
    if (statusOf(error) === 422) return false;
    return call(context, `moving ${branch}`, () => Promise.reject(error));
  }
}

export interface HistoryUpdate {
  previous: HistoryRecord[];
  merged: HistoryRecord[];
  /** The commit written, null when the history already held exactly these records. */
  commit: boolean;
}

/**
 * Reads the history, lets `merge` compute the new one, and writes it unless it is
 * unchanged; retried (reading again) when another writer moved the branch meanwhile.
 */
export async function updateHistory(context: RepoContext, branch: string, model: string, incoming: HistoryRecord[], message: string, attempts = 4): Promise<HistoryUpdate> {
  const file = historyFile(model);
  for (let attempt = 1; ; attempt++) {
    const state = await readHistoryFile(context, branch, file);
    const previous = state.text === null ? [] : parseHistory(state.text, `${branch}:${file}`);
    const merged = mergeHistory(previous, incoming);
    const text = renderHistory(merged);
    if (text === (state.text ?? '')) return { previous, merged, commit: false };
    if (await writeHistoryFile(context, branch, file, state, text, message)) return { previous, merged, commit: true };
    if (attempt >= attempts) throw new DataError(`${context.location}: branch ${branch} kept moving while ${file} was written (${attempts} attempts); run again`, { exitCode: 1 });
  }
}
