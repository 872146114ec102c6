/**
 * Releases and assets, with immutability: a release published while the repository has
 * immutable releases on keeps its assets forever (uploads and deletions answer 422) and
 * its tag can never be used again, even after the release is deleted. Assets are
 * uploaded at the uploads root and carry a `sha256:` digest.
 */
import { createHash } from 'node:crypto';
import { actingUser } from '../auth.ts';
import { refMoved, releaseEvent } from '../events.ts';
import { json, type RouteRequest } from '../http.ts';
import { notFound, validationFailed } from '../http-error.ts';
import { repoAccess, type Route } from '../route.ts';
import type { Release, ReleaseAsset } from '../state/releases.ts';
import type { RepoState } from '../state/repos.ts';
import { release, releaseAsset } from '../views/releases.ts';
import { resolveCommit } from './contents.ts';
import { bodyOf, findOr404, intParam, paginate, repoOf, strParam } from './util.ts';

const read = repoAccess('read', 'contents');
const write = repoAccess('write', 'contents');

function releaseOf(req: RouteRequest, repo: RepoState): Release {
  return findOr404(repo.releases, (r) => r.id === intParam(req, 'release_id'));
}

function assetOf(req: RouteRequest, repo: RepoState): { release: Release; asset: ReleaseAsset } {
  const id = intParam(req, 'asset_id');
  for (const r of repo.releases) {
    const asset = r.assets.find((a) => a.id === id);
    if (asset) return { release: r, asset };
  }
  throw notFound();
}

function checkTagFree(repo: RepoState, tag: string, self?: Release): void {
  if (repo.burnedTags.has(tag)) throw validationFailed('Release', 'tag_name', 'custom', `tag_name ${tag} was used by an immutable release and cannot be reused`);
  if (repo.releases.some((r) => r !== self && !r.draft && r.tagName === tag)) throw validationFailed('Release', 'tag_name', 'already_exists');
}

/** Publishing creates the tag (at the target) when it does not exist, and fixes immutability. */
function publish(req: RouteRequest, repo: RepoState, r: Release): void {
  const ref = `refs/tags/${r.tagName}`;
  if (!repo.git.refs.has(ref)) {
    const sha = resolveCommit(repo, r.targetCommitish);
    if (!sha) throw validationFailed('Release', 'target_commitish', 'invalid');
    repo.git.refs.set(ref, sha);
    refMoved(req.sim, repo, ref, undefined, sha, actingUser(req.actor));
  }
  r.draft = false;
  r.publishedAt = req.sim.clock.iso();
  r.immutable = repo.immutableReleases;
  if (r.immutable) repo.burnedTags.add(r.tagName);
  releaseEvent(req.sim, repo, r, 'published', actingUser(req.actor));
}

function immutableError(): Error {
  return validationFailed('ReleaseAsset', 'release', 'custom', 'Cannot modify assets of an immutable release');
}

interface ReleaseBody {
  tag_name?: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
}

export const releaseRoutes: Route[] = [
  {
    operationId: 'repos/create-release',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyOf<ReleaseBody & { tag_name: string }>(req);
      checkTagFree(repo, body.tag_name);
      const r: Release = {
        id: req.sim.state.ids.next(),
        tagName: body.tag_name,
        targetCommitish: body.target_commitish ?? repo.defaultBranch,
        name: body.name ?? null,
        body: body.body ?? null,
        draft: body.draft ?? false,
        prerelease: body.prerelease ?? false,
        immutable: false,
        author: actingUser(req.actor),
        createdAt: req.sim.clock.iso(),
        publishedAt: null,
        assets: [],
      };
      if (!resolveCommit(repo, r.targetCommitish) && !repo.git.refs.has(`refs/tags/${r.tagName}`)) throw validationFailed('Release', 'target_commitish', 'invalid');
      repo.releases.push(r);
      releaseEvent(req.sim, repo, r, 'created', actingUser(req.actor));
      if (!r.draft) publish(req, repo, r);
      return json(201, release(req.sim.urls, repo, r));
    },
  },
  {
    operationId: 'repos/get-release',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      return json(200, release(req.sim.urls, repo, releaseOf(req, repo)));
    },
  },
  {
    operationId: 'repos/get-release-by-tag',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const tag = strParam(req, 'tag');
      return json(200, release(req.sim.urls, repo, findOr404(repo.releases, (r) => !r.draft && r.tagName === tag)));
    },
  },
  {
    operationId: 'repos/list-releases',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const { page, headers } = paginate(req, [...repo.releases].reverse());
      return json(200, page.map((r) => release(req.sim.urls, repo, r)), headers);
    },
  },
  {
    operationId: 'repos/update-release',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const r = releaseOf(req, repo);
      const body = bodyOf<ReleaseBody>(req);
      if (body.tag_name !== undefined && body.tag_name !== r.tagName) {
        if (r.immutable) throw validationFailed('Release', 'tag_name', 'custom', 'Cannot change the tag of an immutable release');
        checkTagFree(repo, body.tag_name, r);
        r.tagName = body.tag_name;
      }
      if (body.target_commitish !== undefined && r.draft) r.targetCommitish = body.target_commitish;
      if (body.name !== undefined) r.name = body.name;
      if (body.body !== undefined) r.body = body.body;
      if (body.prerelease !== undefined) r.prerelease = body.prerelease;
      if (body.draft === false && r.draft) {
        checkTagFree(repo, r.tagName, r);
        publish(req, repo, r);
      } else if (body.draft === true && !r.draft) {
        if (r.immutable) throw validationFailed('Release', 'draft', 'custom', 'Cannot unpublish an immutable release');
        r.draft = true;
        r.publishedAt = null;
      }
      return json(200, release(req.sim.urls, repo, r));
    },
  },
  {
    operationId: 'repos/delete-release',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const r = releaseOf(req, repo);
      repo.releases.splice(repo.releases.indexOf(r), 1);
      return { status: 204 };
    },
  },
  {
    operationId: 'repos/upload-release-asset',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const r = releaseOf(req, repo);
      if (r.immutable) throw immutableError();
      const name = strParam(req, 'name');
      if (r.assets.some((a) => a.name === name)) throw validationFailed('ReleaseAsset', 'name', 'already_exists');
      const data = req.rawBody;
      const now = req.sim.clock.iso();
      const asset: ReleaseAsset = {
        id: req.sim.state.ids.next(),
        name,
        label: (req.params.label as string | undefined) ?? null,
        contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
        data,
        digest: `sha256:${createHash('sha256').update(data).digest('hex')}`,
        uploader: actingUser(req.actor),
        createdAt: now,
        updatedAt: now,
        downloadCount: 0,
      };
      r.assets.push(asset);
      return json(201, releaseAsset(req.sim.urls, repo, r, asset));
    },
  },
  {
    operationId: 'repos/list-release-assets',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const r = releaseOf(req, repo);
      const { page, headers } = paginate(req, r.assets);
      return json(200, page.map((a) => releaseAsset(req.sim.urls, repo, r, a)), headers);
    },
  },
  {
    operationId: 'repos/get-release-asset',
    access: read,
    handle: (req) => {
      const repo = repoOf(req);
      const { release: r, asset } = assetOf(req, repo);
      if (String(req.headers.accept ?? '').includes('application/octet-stream')) {
        asset.downloadCount += 1;
        const location = req.sim.downloads.register({ data: asset.data, contentType: 'application/octet-stream', filename: asset.name, ttlMs: 300_000 });
        return { status: 302, headers: { location } };
      }
      return json(200, releaseAsset(req.sim.urls, repo, r, asset));
    },
  },
  {
    operationId: 'repos/delete-release-asset',
    access: write,
    handle: (req) => {
      const repo = repoOf(req);
      const { release: r, asset } = assetOf(req, repo);
      if (r.immutable) throw immutableError();
      r.assets.splice(r.assets.indexOf(asset), 1);
      return { status: 204 };
    },
  },
];
