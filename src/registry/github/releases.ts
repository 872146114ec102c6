/** The releases of one model (`<model>@v<N>`), read with their model cards. */
import { parseCard } from '../card.ts';
import { parseVersionTag } from '../names.ts';
import type { ModelCard } from '../types.ts';
import { call, type RepoContext } from './client.ts';
import type { ReleaseAssetInfo } from './transfer.ts';

/** The fields of a release trainyard reads. */
export interface ReleaseInfo {
  id: number;
  tag_name: string;
  draft: boolean;
  body?: string | null;
  html_url: string;
  upload_url: string;
  created_at: string;
  assets: ReleaseAssetInfo[];
}

export interface ModelRelease {
  version: number;
  release: ReleaseInfo;
  /** Null when the release was not made by trainyard. */
  card: ModelCard | null;
}

export async function listAllReleases(context: RepoContext): Promise<ReleaseInfo[]> {
  const releases = await call(context, 'listing releases', () =>
    context.octokit.paginate(context.octokit.rest.repos.listReleases, { owner: context.owner, repo: context.repo, per_page: 100 }),
  );
  return releases as unknown as ReleaseInfo[];
}

export function readModelRelease(model: string, release: ReleaseInfo): ModelRelease | null {
  const version = parseVersionTag(model, release.tag_name);
  if (version === null) return null;
  const card = parseCard(release.body ?? '');
  const ours = card !== null && card.model === model && card.version === version;
  return { version, release, card: ours ? card : null };
}

export async function modelReleases(context: RepoContext, model: string): Promise<ModelRelease[]> {
  return (await listAllReleases(context)).flatMap((release) => readModelRelease(model, release) ?? []).sort((a, b) => a.version - b.version);
}
