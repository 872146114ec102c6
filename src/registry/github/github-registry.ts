/**
 * The registry on GitHub Releases. A version is a release tagged `<model>@v<N>`,
 * whose body is the model card and whose assets are the version's files plus
 * `trainyard-manifest.json`. Registration: take the tag ref (a taken ref means another
 * registration has that number: try the next), create a draft, upload and verify every
 * asset, then publish, so an immutable release is never published half-uploaded. An
 * interrupted registration leaves a draft: the next try of the same content resumes it;
 * a stale draft of other content is deleted, its tag kept so the number is not reused.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sha256File } from '../../util/hash.ts';
import { parseCard, renderCard } from '../card.ts';
import { DigestMismatchError, RegistryError } from '../errors.ts';
import { checkEnvironmentName, checkModelName, parseVersionTag, versionTag } from '../names.ts';
import { buildCard, downloadInto, resolveVersion, selectFiles } from '../shared.ts';
import type { DownloadedVersion, DownloadOptions, ModelCard, ModelRegistry, ModelVersion, PromoteRequest, Promotion, RegisterRequest, VersionRef } from '../types.ts';
import { DEFAULT_PART_BYTES, MANIFEST_ASSET, planAssets, type AssetManifest } from './asset-plan.ts';
import { call, createRefIfFree, tagsStartingWith, type Octokit, type RepoContext } from './client.ts';
import { readHistory, recordPromotion, type WrittenRecord } from './promotions.ts';
import { attestRecord } from './record-attestation.ts';
import { listAllReleases, modelReleases, type ModelRelease, type ReleaseInfo } from './releases.ts';
import { appSlugOf, TrustReader, type Refusal, type TrustPolicy } from './trust.ts';
import { downloadPart, readAsset, uploadAsset, verifyAsset, type ReleaseAssetInfo } from './transfer.ts';

export interface GitHubReleasesRegistryOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  now?: () => Date;
  /** Files above this many bytes go up in parts (GitHub's limit is 2 GiB per asset). */
  partBytes?: number;
  /** A draft of other content older than this is an interrupted registration, deleted. */
  staleAfterMs?: number;
  /**
   * Believe only what GitHub attests trainyard made (trust.ts): versions made by the
   * App or the release workflow, promotion records the App attested. Without it every
   * release with a model card is read, as the command line does for a person's own use.
   */
  trust?: TrustPolicy;
  /**
   * The client is trainyard's App: every promotion it records, it attests with a check
   * run (record-attestation.ts). Only the App's installation can.
   */
  attestRecords?: boolean;
}

const MAX_TRIES = 100;

export class GitHubReleasesRegistry implements ModelRegistry {
  readonly location: string;
  private readonly context: RepoContext;
  private readonly now: () => Date;
  private readonly partBytes: number;
  private readonly staleAfterMs: number;
  private readonly trust: TrustReader | null;
  private readonly trustPolicy: TrustPolicy | null;
  private readonly attestRecords: boolean;

  constructor(options: GitHubReleasesRegistryOptions) {
    this.location = `github:${options.owner}/${options.repo}`;
    this.context = { octokit: options.octokit, owner: options.owner, repo: options.repo, location: this.location };
    this.now = options.now ?? (() => new Date());
    this.partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
    this.staleAfterMs = options.staleAfterMs ?? 3_600_000;
    this.trust = options.trust ? new TrustReader(this.context, options.trust) : null;
    this.trustPolicy = options.trust ?? null;
    this.attestRecords = options.attestRecords ?? false;
  }

  private get repoParams(): { owner: string; repo: string } {
    return { owner: this.context.owner, repo: this.context.repo };
  }

  private toVersion(found: ModelRelease & { card: ModelCard }): ModelVersion {
    return { model: found.card.model, version: found.version, tag: found.release.tag_name, url: found.release.html_url, card: found.card };
  }

  async models(): Promise<string[]> {
    const names = new Set<string>();
    for (const release of await listAllReleases(this.context)) {
      const card = release.draft ? null : parseCard(release.body ?? '');
      if (card && parseVersionTag(card.model, release.tag_name) === card.version) names.add(card.model);
    }
    return [...names].sort();
  }

  async versions(model: string): Promise<ModelVersion[]> {
    return (await this.siftVersions(model)).versions;
  }

  /** The published versions believed, and, with a trust policy, those refused and why. */
  async siftVersions(model: string): Promise<{ versions: ModelVersion[]; refused: Refusal[] }> {
    checkModelName(model);
    const published = (await modelReleases(this.context, model)).flatMap((found) => (found.card && !found.release.draft ? [{ ...found, card: found.card }] : []));
    if (!this.trust) return { versions: published.map((found) => this.toVersion(found)), refused: [] };
    const { trusted, refused } = await this.trust.sift(published);
    return { versions: trusted.map((found) => this.toVersion(found)), refused };
  }

  async version(model: string, ref: VersionRef): Promise<ModelVersion> {
    return resolveVersion(this, model, ref);
  }

  async register(request: RegisterRequest): Promise<ModelVersion> {
    checkModelName(request.model);
    const releases = await modelReleases(this.context, request.model);
    const foreign = releases.find((found) => found.card === null);
    if (foreign) {
      throw new RegistryError(this.location, `release ${foreign.release.tag_name} was not made by trainyard (its body has no trainyard model card); trainyard owns tags ${request.model}@v<N>, so rename that release's tag or the model`);
    }
    let draft = await this.resumableDraft(request, releases);
    const resumed = draft !== null;
    draft ??= await this.createDraft(request, releases);
    request.onProgress?.({ kind: 'allocated', version: draft.version, resumed });
    await this.uploadAll(request, draft);
    const { data: published } = await call(this.context, `publishing ${draft.release.tag_name}`, () =>
      this.context.octokit.rest.repos.updateRelease({ ...this.repoParams, release_id: draft.release.id, draft: false, make_latest: 'false' }),
    );
    request.onProgress?.({ kind: 'published', version: draft.version });
    const card = parseCard((published as ReleaseInfo).body ?? '');
    if (!card) throw new RegistryError(this.location, `${draft.release.tag_name}: the published release lost its model card`);
    return this.toVersion({ version: draft.version, release: published as ReleaseInfo, card });
  }

  private async resumableDraft(request: RegisterRequest, releases: ModelRelease[]): Promise<ModelRelease | null> {
    for (const found of releases) {
      if (!found.release.draft || !found.card) continue;
      if (found.card.contentSha256 === request.content.contentSha256) return found;
      const age = this.now().getTime() - Date.parse(found.release.created_at);
      if (age > this.staleAfterMs) {
        await call(this.context, `deleting the interrupted draft ${found.release.tag_name}`, () => this.context.octokit.rest.repos.deleteRelease({ ...this.repoParams, release_id: found.release.id }));
      }
    }
    return null;
  }

  private async defaultHead(): Promise<string> {
    const { data: repo } = await call(this.context, 'reading the repository', () => this.context.octokit.rest.repos.get(this.repoParams));
    const { data: ref } = await call(this.context, `reading branch ${repo.default_branch}`, () => this.context.octokit.rest.git.getRef({ ...this.repoParams, ref: `heads/${repo.default_branch}` }));
    return ref.object.sha;
  }

  private async createDraft(request: RegisterRequest, releases: ModelRelease[]): Promise<ModelRelease> {
    const tags = await tagsStartingWith(this.context, `${request.model}@v`);
    const numbers = [...tags.flatMap((tag) => parseVersionTag(request.model, tag.name) ?? []), ...releases.map((found) => found.version)];
    let version = Math.max(0, ...numbers) + 1;
    const commit = request.commit ?? (await this.defaultHead());
    for (let tries = 0; !(await createRefIfFree(this.context, `tags/${versionTag(request.model, version)}`, commit)); tries++, version++) {
      if (tries >= MAX_TRIES) throw new RegistryError(this.location, `no free version number for ${request.model} after ${MAX_TRIES} tries`);
    }
    const tag = versionTag(request.model, version);
    const card = buildCard(request, version, this.now().toISOString());
    const { data } = await call(this.context, `creating the draft release ${tag}`, () =>
      this.context.octokit.rest.repos.createRelease({ ...this.repoParams, tag_name: tag, name: `${request.model} v${version}`, body: renderCard(card), draft: true, make_latest: 'false' }),
    );
    return { version, release: data as ReleaseInfo, card };
  }

  /** Uploads what the draft lacks; a present asset is kept only when its digest matches. */
  private async uploadAll(request: RegisterRequest, draft: ModelRelease): Promise<void> {
    const manifest = await planAssets(request.content.files, this.partBytes);
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const manifestSha = createHash('sha256').update(manifestBytes).digest('hex');
    const existing = new Map(draft.release.assets.map((asset) => [asset.name, asset]));
    const sources = new Map(request.content.files.map((file) => [file.path, file.source]));
    const put = async (name: string, sha256: string, body: Buffer | { source: string; offset: number; bytes: number }): Promise<void> => {
      const present = existing.get(name);
      if (present?.state === 'uploaded') {
        const ok = await verifyAsset(this.context, present, sha256, draft.release.tag_name).then(() => true, (error: unknown) => {
          if (error instanceof DigestMismatchError) return false;
          throw error;
        });
        if (ok) return;
      }
      if (present) await call(this.context, `deleting asset ${name}`, () => this.context.octokit.rest.repos.deleteReleaseAsset({ ...this.repoParams, asset_id: present.id }));
      const uploaded = await uploadAsset(this.context, { releaseId: draft.release.id, uploadUrl: draft.release.upload_url, name, body });
      if (uploaded.name !== name) throw new RegistryError(this.location, `${draft.release.tag_name}: GitHub stored asset ${name} as ${uploaded.name}; the release stays a draft`);
      await verifyAsset(this.context, uploaded, sha256, draft.release.tag_name);
    };
    for (const [index, file] of manifest.files.entries()) {
      for (const part of file.assets) await put(part.name, part.sha256, { source: sources.get(file.path)!, offset: part.offset, bytes: part.bytes });
      request.onProgress?.({ kind: 'stored', path: file.path, done: index + 1, total: manifest.files.length });
    }
    await put(MANIFEST_ASSET, manifestSha, manifestBytes);
  }

  async promote(request: PromoteRequest): Promise<Promotion> {
    checkEnvironmentName(request.environment);
    await this.version(request.model, { version: request.version });
    const attest = this.attestRecords ? (written: WrittenRecord) => attestRecord(this.context, written.tag, written.message, written.commit) : undefined;
    return recordPromotion(this.context, request, this.now().toISOString(), attest);
  }

  async history(model: string, environment?: string): Promise<Promotion[]> {
    checkModelName(model);
    if (environment !== undefined) checkEnvironmentName(environment);
    return readHistory(this.context, model, environment, this.trustPolicy ? appSlugOf(this.trustPolicy) : undefined);
  }

  /** Promotion records as written, unattested ones included, with why each would not count. */
  async siftHistory(model: string, environment?: string): Promise<{ history: Promotion[]; refused: Refusal[]; unattested: { record: Promotion; written: WrittenRecord }[] }> {
    checkModelName(model);
    const refused: Refusal[] = [];
    const unattested: { record: Promotion; written: WrittenRecord }[] = [];
    const history = await readHistory(this.context, model, environment, this.trustPolicy ? appSlugOf(this.trustPolicy) : undefined, (tag, reason, found) => {
      refused.push({ tag, reason });
      if (found) unattested.push(found);
    });
    return { history, refused, unattested };
  }

  /** Attests records an App did not write itself (a release run's deploy records), once checked. */
  async attest(written: WrittenRecord): Promise<void> {
    await attestRecord(this.context, written.tag, written.message, written.commit);
  }

  private async readManifest(tag: string, assets: ReleaseAssetInfo[]): Promise<AssetManifest> {
    const asset = assets.find((candidate) => candidate.name === MANIFEST_ASSET);
    if (!asset) throw new RegistryError(this.location, `${tag}: missing asset ${MANIFEST_ASSET}`);
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => {
      chunks.push(chunk);
      done();
    } });
    await readAsset(this.context, asset, sink);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as AssetManifest;
    } catch {
      throw new RegistryError(this.location, `${tag}: asset ${MANIFEST_ASSET} is not JSON`);
    }
  }

  /** Reads the manifest and the selected files' assets only: `--file profile.json` fetches one asset. */
  async download(model: string, version: number, dir: string, options: DownloadOptions = {}): Promise<DownloadedVersion> {
    const found = await this.version(model, { version });
    const files = selectFiles(this.location, found, options.only);
    const { data: release } = await call(this.context, `reading release ${found.tag}`, () => this.context.octokit.rest.repos.getReleaseByTag({ ...this.repoParams, tag: found.tag }));
    const assets = (release as ReleaseInfo).assets;
    const manifest = await this.readManifest(found.tag, assets);
    return downloadInto(dir, async (staging) => {
      for (const file of files) {
        const entry = manifest.files?.find((candidate) => candidate.path === file.path && candidate.sha256 === file.sha256);
        if (!entry) throw new RegistryError(this.location, `${found.tag}: ${MANIFEST_ASSET} does not list ${file.path} with the card's digest`);
        const target = path.join(staging, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, '');
        for (const part of entry.assets) {
          const asset = assets.find((candidate) => candidate.name === part.name);
          if (!asset) throw new RegistryError(this.location, `${found.tag}: missing asset ${part.name} (of ${file.path}); nothing was downloaded`);
          await downloadPart(this.context, asset, part.sha256, target, found.tag);
        }
        const digest = await sha256File(target);
        if (digest !== file.sha256) throw new DigestMismatchError(this.location, `${found.tag} ${file.path}: joined sha256 ${digest} differs from the registered ${file.sha256}; nothing was downloaded`);
      }
      if (!options.only) await writeFile(path.join(staging, 'model-card.md'), renderCard(found.card));
      return { version: found, dir, files };
    });
  }
}
