/** GitHub's `release` and `release-asset` shapes. */
import type { SimUrls } from '../urls.ts';
import { nodeId } from '../state/ids.ts';
import type { Release, ReleaseAsset } from '../state/releases.ts';
import type { RepoState } from '../state/repos.ts';
import { simpleUser } from './users.ts';

export function releaseAsset(urls: SimUrls, repo: RepoState, release: Release, asset: ReleaseAsset): Record<string, unknown> {
  return {
    id: asset.id,
    node_id: nodeId('ReleaseAsset', asset.id),
    url: `${urls.api}/repos/${repo.fullName}/releases/assets/${asset.id}`,
    browser_download_url: `${urls.web}/${repo.fullName}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(asset.name)}`,
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.contentType,
    size: asset.data.length,
    digest: asset.digest,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    uploader: simpleUser(urls, asset.uploader),
  };
}

export function release(urls: SimUrls, repo: RepoState, r: Release): Record<string, unknown> {
  const url = `${urls.api}/repos/${repo.fullName}/releases/${r.id}`;
  const tagPath = encodeURIComponent(r.tagName);
  return {
    url,
    html_url: `${urls.web}/${repo.fullName}/releases/${r.draft ? `untagged-${r.id}` : `tag/${tagPath}`}`,
    assets_url: `${url}/assets`,
    upload_url: `${urls.uploads}/repos/${repo.fullName}/releases/${r.id}/assets{?name,label}`,
    tarball_url: r.draft ? null : `${urls.api}/repos/${repo.fullName}/tarball/${tagPath}`,
    zipball_url: r.draft ? null : `${urls.api}/repos/${repo.fullName}/zipball/${tagPath}`,
    id: r.id,
    node_id: nodeId('Release', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: r.immutable,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: simpleUser(urls, r.author),
    assets: r.assets.map((a) => releaseAsset(urls, repo, r, a)),
  };
}
