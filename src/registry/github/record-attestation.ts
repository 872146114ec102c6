/**
 * Who wrote a promotion record. A record is an annotated tag, and git says nothing
 * GitHub vouches for about who created a tag (the tagger is whatever the creator typed).
 * So trainyard's App attests each record it believes with a check run it creates on the
 * version's commit: `trainyard / record`, its external id the tag's name and its title
 * the SHA-256 of the tag's message. GitHub stamps every check run with the App that
 * created it, and no other App, workflow or person can create or edit one in its name.
 * A record counts only when such a check of trainyard's App matches it byte for byte.
 */
import { createHash } from 'node:crypto';
import { call, type RepoContext } from './client.ts';

export const RECORD_CHECK = 'trainyard / record';

export const recordDigest = (message: string): string => createHash('sha256').update(message).digest('hex');

/** Creates the attestation of one record (the caller must be trainyard's App). */
export async function attestRecord(context: RepoContext, tag: string, message: string, commit: string): Promise<void> {
  await call(context, `attesting record ${tag}`, () =>
    context.octokit.rest.checks.create({
      owner: context.owner, repo: context.repo, name: RECORD_CHECK, head_sha: commit, external_id: tag,
      status: 'completed', conclusion: 'neutral',
      output: { title: recordDigest(message), summary: `trainyard's App attests the promotion record ${tag} (sha256 of its message in the title).` },
    }),
  );
}

/** Tag name to the digests trainyard's App attested for it on `commit`. */
export async function attestationsOn(context: RepoContext, appSlug: string, commit: string): Promise<Map<string, Set<string>>> {
  const runs = await call(context, `reading record attestations on ${commit}`, () =>
    context.octokit.paginate(context.octokit.rest.checks.listForRef, { owner: context.owner, repo: context.repo, ref: commit, check_name: RECORD_CHECK, filter: 'all', per_page: 100 }),
  );
  const found = new Map<string, Set<string>>();
  for (const run of runs) {
    if (run.app?.slug !== appSlug || run.name !== RECORD_CHECK || run.head_sha !== commit || !run.external_id || !run.output.title) continue;
    found.set(run.external_id, (found.get(run.external_id) ?? new Set()).add(run.output.title));
  }
  return found;
}
