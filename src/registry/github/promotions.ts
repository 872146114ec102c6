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

const MAX_TRIES = 100;

/** The commit a tag points at, through an annotated tag object when there is one. */
export async function commitOfTag(context: RepoContext, tag: string): Promise<string> {
  const { data: ref } = await call(context, `reading tag ${tag}`, () => context.octokit.rest.git.getRef({ owner: context.owner, repo: context.repo, ref: `tags/${tag}` }));
  if (ref.object.type !== 'tag') return ref.object.sha;
  const { data: object } = await call(context, `reading tag object of ${tag}`, () => context.octokit.rest.git.getTag({ owner: context.owner, repo: context.repo, tag_sha: ref.object.sha }));
  return object.object.sha;
}

export async function recordPromotion(context: RepoContext, request: PromoteRequest, at: string): Promise<Promotion> {
  const commit = await commitOfTag(context, versionTag(request.model, request.version));
  const taken = (await tagsStartingWith(context, `${request.model}#${request.environment}#`)).flatMap((tag) => parsePromotionTag(request.model, tag.name)?.sequence ?? []);
  let sequence = Math.max(0, ...taken) + 1;
  for (let tries = 0; tries < MAX_TRIES; tries++, sequence++) {
    const promotion: Promotion = { ...request, sequence, at };
    const name = promotionTag(request.model, request.environment, sequence);
    const { data: tag } = await call(context, `creating tag ${name}`, () =>
      context.octokit.rest.git.createTag({ owner: context.owner, repo: context.repo, tag: name, message: renderPromotionMessage(promotion), object: commit, type: 'commit' }),
    );
    if (await createRefIfFree(context, `tags/${name}`, tag.sha)) return promotion;
  }
  throw new RegistryError(context.location, `no free promotion sequence for ${request.model} in ${request.environment} after ${MAX_TRIES} tries`);
}

export async function readHistory(context: RepoContext, model: string, environment?: string): Promise<Promotion[]> {
  const tags = await tagsStartingWith(context, environment === undefined ? `${model}#` : `${model}#${environment}#`);
  const records: Promotion[] = [];
  for (const tag of tags) {
    const parsed = parsePromotionTag(model, tag.name);
    if (!parsed || (environment !== undefined && parsed.environment !== environment)) continue;
    const message = tag.type === 'tag' ? (await call(context, `reading tag ${tag.name}`, () => context.octokit.rest.git.getTag({ owner: context.owner, repo: context.repo, tag_sha: tag.sha }))).data.message : '';
    const record = parsePromotionMessage(message);
    if (!record || record.model !== model || record.environment !== parsed.environment || record.sequence !== parsed.sequence) {
      throw new RegistryError(context.location, `tag ${tag.name} is not a trainyard promotion record (expected an annotated tag whose message holds the record)`);
    }
    records.push(record);
  }
  return sortHistory(records);
}
