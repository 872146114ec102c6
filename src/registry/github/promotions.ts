/**
 * Promotions on GitHub: annotated tags `<model>#<environment>#<seq>` on the version's
 * commit. The sequence is taken like a version number: create the ref, and a ref
 * that already exists means another promotion took it, so try the next.
 */
import { RegistryError } from '../errors.ts';
import { parsePromotionTag, promotionTag, versionTag } from '../names.ts';
import { parsePromotionMessage, renderPromotionMessage, sortHistory } from '../promotion-record.ts';
import type { PromoteRequest, Promotion } from '../types.ts';
import { call, createRefIfFree, tagsStartingWith, type RepoContext } from './client.ts';
import { attestationsOn, recordDigest } from './record-attestation.ts';

/** A record as written: its tag, the tag's message and the commit it is on. */
export interface WrittenRecord {
  tag: string;
  message: string;
  commit: string;
}

const MAX_TRIES = 100;

/** The commit a tag points at, through an annotated tag object when there is one. */
export async function commitOfTag(context: RepoContext, tag: string): Promise<string> {
  const { data: ref } = await call(context, `reading tag ${tag}`, () => context.octokit.rest.git.getRef({ owner: context.owner, repo: context.repo, ref: `tags/${tag}` }));
  if (ref.object.type !== 'tag') return ref.object.sha;
  const { data: object } = await call(context, `reading tag object of ${tag}`, () => context.octokit.rest.git.getTag({ owner: context.owner, repo: context.repo, tag_sha: ref.object.sha }));
  return object.object.sha;
}

export async function recordPromotion(context: RepoContext, request: PromoteRequest, at: string, onWritten?: (written: WrittenRecord) => Promise<void>): Promise<Promotion> {
  const commit = await commitOfTag(context, versionTag(request.model, request.version));
  const taken = (await tagsStartingWith(context, `${request.model}#${request.environment}#`)).flatMap((tag) => parsePromotionTag(request.model, tag.name)?.sequence ?? []);
  let sequence = Math.max(0, ...taken) + 1;
  for (let tries = 0; tries < MAX_TRIES; tries++, sequence++) {
    const promotion: Promotion = { ...request, sequence, at };
    const name = promotionTag(request.model, request.environment, sequence);
    const message = renderPromotionMessage(promotion);
    const { data: tag } = await call(context, `creating tag ${name}`, () =>
      context.octokit.rest.git.createTag({ owner: context.owner, repo: context.repo, tag: name, message, object: commit, type: 'commit' }),
    );
    if (await createRefIfFree(context, `tags/${name}`, tag.sha)) {
      await onWritten?.({ tag: name, message, commit });
      return promotion;
    }
  }
  throw new RegistryError(context.location, `no free promotion sequence for ${request.model} in ${request.environment} after ${MAX_TRIES} tries`);
}

/**
 * The promotion records of a model. With `attestedBy` (trainyard's App slug), only
 * records that App attested count (record-attestation.ts); any other promotion tag,
 * however well-formed, is skipped and reported through `onRefused`.
 */
export async function readHistory(context: RepoContext, model: string, environment?: string, attestedBy?: string, onRefused?: (tag: string, reason: string, unattested?: { record: Promotion; written: WrittenRecord }) => void): Promise<Promotion[]> {
  const tags = await tagsStartingWith(context, environment === undefined ? `${model}#` : `${model}#${environment}#`);
  const records: Promotion[] = [];
  const attestations = new Map<string, Promise<Map<string, Set<string>>>>();
  for (const tag of tags) {
    const parsed = parsePromotionTag(model, tag.name);
    if (!parsed || (environment !== undefined && parsed.environment !== environment)) continue;
    const object = tag.type === 'tag' ? (await call(context, `reading tag ${tag.name}`, () => context.octokit.rest.git.getTag({ owner: context.owner, repo: context.repo, tag_sha: tag.sha }))).data : null;
    const message = object?.message ?? '';
    const record = parsePromotionMessage(message);
    if (!record || record.model !== model || record.environment !== parsed.environment || record.sequence !== parsed.sequence) {
      if (attestedBy !== undefined) {
        onRefused?.(tag.name, 'it is not an annotated tag holding a trainyard promotion record');
        continue;
      }
      throw new RegistryError(context.location, `tag ${tag.name} is not a trainyard promotion record (expected an annotated tag whose message holds the record)`);
    }
    if (attestedBy !== undefined) {
      const commit = object!.object.sha;
      if (!attestations.has(commit)) attestations.set(commit, attestationsOn(context, attestedBy, commit));
      const digests = (await attestations.get(commit)!).get(tag.name);
      if (!digests?.has(recordDigest(message))) {
        onRefused?.(tag.name, `trainyard's App (${attestedBy}) did not attest it`, { record, written: { tag: tag.name, message, commit } });
        continue;
      }
    }
    records.push(record);
  }
  return sortHistory(records);
}
