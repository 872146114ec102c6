#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  DigestMismatchError,
  GitHubApiError,
  RegistryError,
  buildCard,
  checkEnvironmentName,
  checkModelName,
  downloadInto,
  parseCard,
  parsePromotionMessage,
  parsePromotionTag,
  parseVersionTag,
  promotionTag,
  renderCard,
  renderPromotionMessage,
  resolveVersion,
  selectFiles,
  sortHistory,
  versionTag
} from "./chunk-TWUAGNDN.js";
import {
  sha256File
} from "./chunk-HB6HQUKP.js";
import {
  statusOf
} from "./chunk-BEL2JVQX.js";

// src/registry/github/client.ts
function messageOf(error) {
  const data = error?.response?.data;
  if (typeof data?.message === "string") return data.message;
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}
async function call(context, doing, run) {
  try {
    return await run();
  } catch (error) {
    const status = statusOf(error);
    if (status === null) throw error;
    throw new GitHubApiError(context.location, `${doing}: ${messageOf(error)}`, status, error);
  }
}
async function createRefIfFree(context, ref, sha) {
  try {
    await context.octokit.rest.git.createRef({ owner: context.owner, repo: context.repo, ref: `refs/${ref}`, sha });
    return true;
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(messageOf(error))) return false;
    if (statusOf(error) === 422 && /object does not exist/i.test(messageOf(error))) {
      throw new GitHubApiError(context.location, `cannot tag ${ref.replace(/^tags\//, "")}: commit ${sha} is not in ${context.owner}/${context.repo}; push it first`, 422, error);
    }
    const status = statusOf(error);
    if (status === null) throw error;
    throw new GitHubApiError(context.location, `cannot create ${ref} at ${sha}: ${messageOf(error)}`, status, error);
  }
}
async function tagsStartingWith(context, prefix) {
  const refs = await call(
    context,
    `listing tags ${prefix}*`,
    () => context.octokit.paginate(context.octokit.rest.git.listMatchingRefs, { owner: context.owner, repo: context.repo, ref: `tags/${prefix}`, per_page: 100 })
  );
  return refs.map((ref) => ({ name: ref.ref.replace(/^refs\/tags\//, ""), sha: ref.object.sha, type: ref.object.type }));
}

// src/registry/github/github-registry.ts
import { createHash as createHash4 } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable as Writable2 } from "node:stream";

// src/registry/github/asset-plan.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
var MANIFEST_ASSET = "trainyard-manifest.json";
var DEFAULT_PART_BYTES = 2 * 1024 ** 3 - 1024 ** 2;
function assetName(versionPath, taken) {
  const base = versionPath.replace(/\//g, "__").replace(/[^A-Za-z0-9._-]/g, "_");
  let name = base;
  for (let index = 2; taken.has(name) || name === MANIFEST_ASSET; index++) name = `${base}-${index}`;
  taken.add(name);
  return name;
}
async function sha256Range(file, start, bytes) {
  const hash = createHash("sha256");
  if (bytes > 0) for await (const chunk of createReadStream(file, { start, end: start + bytes - 1 })) hash.update(chunk);
  return hash.digest("hex");
}
async function planAssets(files, partBytes) {
  const taken = /* @__PURE__ */ new Set();
  const planned = [];
  for (const file of files) {
    const name = assetName(file.path, taken);
    if (file.bytes <= partBytes) {
      planned.push({ path: file.path, bytes: file.bytes, sha256: file.sha256, assets: [{ name, offset: 0, bytes: file.bytes, sha256: file.sha256 }] });
      continue;
    }
    const assets = [];
    const count = Math.ceil(file.bytes / partBytes);
    for (let index = 0; index < count; index++) {
      const offset = index * partBytes;
      const bytes = Math.min(partBytes, file.bytes - offset);
      assets.push({ name: `${name}.part-${String(index + 1).padStart(3, "0")}`, offset, bytes, sha256: await sha256Range(file.source, offset, bytes) });
    }
    planned.push({ path: file.path, bytes: file.bytes, sha256: file.sha256, assets });
  }
  return { trainyard: 1, files: planned };
}

// src/registry/github/record-attestation.ts
import { createHash as createHash2 } from "node:crypto";
var RECORD_CHECK = "trainyard / record";
var recordDigest = (message) => createHash2("sha256").update(message).digest("hex");
async function attestRecord(context, tag, message, commit) {
  await call(
    context,
    `attesting record ${tag}`,
    () => context.octokit.rest.checks.create({
      owner: context.owner,
      repo: context.repo,
      name: RECORD_CHECK,
      head_sha: commit,
      external_id: tag,
      status: "completed",
      conclusion: "neutral",
      output: { title: recordDigest(message), summary: `trainyard's App attests the promotion record ${tag} (sha256 of its message in the title).` }
    })
  );
}
async function attestationsOn(context, appSlug, commit) {
  const runs = await call(
    context,
    `reading record attestations on ${commit}`,
    () => context.octokit.paginate(context.octokit.rest.checks.listForRef, { owner: context.owner, repo: context.repo, ref: commit, check_name: RECORD_CHECK, filter: "all", per_page: 100 })
  );
  const found = /* @__PURE__ */ new Map();
  for (const run of runs) {
    if (run.app?.slug !== appSlug || run.name !== RECORD_CHECK || run.head_sha !== commit || !run.external_id || !run.output.title) continue;
    found.set(run.external_id, (found.get(run.external_id) ?? /* @__PURE__ */ new Set()).add(run.output.title));
  }
  return found;
}

// src/registry/github/promotions.ts
var MAX_TRIES = 100;
async function commitOfTag(context, tag) {
  const { data: ref } = await call(context, `reading tag ${tag}`, () => context.octokit.rest.git.getRef({ owner: context.owner, repo: context.repo, ref: `tags/${tag}` }));
  if (ref.object.type !== "tag") return ref.object.sha;
  const { data: object } = await call(context, `reading tag object of ${tag}`, () => context.octokit.rest.git.getTag({ owner: context.owner, repo: context.repo, tag_sha: ref.object.sha }));
  return object.object.sha;
}
async function recordPromotion(context, request, at, onWritten) {
  const commit = await commitOfTag(context, versionTag(request.model, request.version));
  const taken = (await tagsStartingWith(context, `${request.model}#${request.environment}#`)).flatMap((tag) => parsePromotionTag(request.model, tag.name)?.sequence ?? []);
  let sequence = Math.max(0, ...taken) + 1;
  for (let tries = 0; tries < MAX_TRIES; tries++, sequence++) {
    const promotion = { ...request, sequence, at };
    const name = promotionTag(request.model, request.environment, sequence);
    const message = renderPromotionMessage(promotion);
    const { data: tag } = await call(
      context,
      `creating tag ${name}`,
      () => context.octokit.rest.git.createTag({ owner: context.owner, repo: context.repo, tag: name, message, object: commit, type: "commit" })
    );
    if (await createRefIfFree(context, `tags/${name}`, tag.sha)) {
      await onWritten?.({ tag: name, message, commit });
      return promotion;
    }
  }
  throw new RegistryError(context.location, `no free promotion sequence for ${request.model} in ${request.environment} after ${MAX_TRIES} tries`);
}
async function readHistory(context, model, environment, attestedBy, onRefused) {
  const tags = await tagsStartingWith(context, environment === void 0 ? `${model}#` : `${model}#${environment}#`);
  const records = [];
  const attestations = /* @__PURE__ */ new Map();
  for (const tag of tags) {
    const parsed = parsePromotionTag(model, tag.name);
    if (!parsed || environment !== void 0 && parsed.environment !== environment) continue;
    const object = tag.type === "tag" ? (await call(context, `reading tag ${tag.name}`, () => context.octokit.rest.git.getTag({ owner: context.owner, repo: context.repo, tag_sha: tag.sha }))).data : null;
    const message = object?.message ?? "";
    const record = parsePromotionMessage(message);
    if (!record || record.model !== model || record.environment !== parsed.environment || record.sequence !== parsed.sequence) {
      if (attestedBy !== void 0) {
        onRefused?.(tag.name, "it is not an annotated tag holding a trainyard promotion record");
        continue;
      }
      throw new RegistryError(context.location, `tag ${tag.name} is not a trainyard promotion record (expected an annotated tag whose message holds the record)`);
    }
    if (attestedBy !== void 0) {
      const commit = object.object.sha;
      if (!attestations.has(commit)) attestations.set(commit, attestationsOn(context, attestedBy, commit));
      const digests = (await attestations.get(commit)).get(tag.name);
      if (!digests?.has(recordDigest(message))) {
        onRefused?.(tag.name, `trainyard's App (${attestedBy}) did not attest it`, { record, written: { tag: tag.name, message, commit } });
        continue;
      }
    }
    records.push(record);
  }
  return sortHistory(records);
}

// src/registry/github/releases.ts
async function listAllReleases(context) {
  const releases = await call(
    context,
    "listing releases",
    () => context.octokit.paginate(context.octokit.rest.repos.listReleases, { owner: context.owner, repo: context.repo, per_page: 100 })
  );
  return releases;
}
function readModelRelease(model, release) {
  const version = parseVersionTag(model, release.tag_name);
  if (version === null) return null;
  const card = parseCard(release.body ?? "");
  const ours = card !== null && card.model === model && card.version === version;
  return { version, release, card: ours ? card : null };
}
async function modelReleases(context, model) {
  return (await listAllReleases(context)).flatMap((release) => readModelRelease(model, release) ?? []).sort((a, b) => a.version - b.version);
}

// src/registry/github/trust.ts
var ACTIONS_BOT = "github-actions[bot]";
var appSlugOf = (policy) => policy.appBot.replace(/\[bot\]$/, "");
var RELEASE_EVENTS = /* @__PURE__ */ new Set(["push", "workflow_dispatch"]);
function runIdOf(context, runUrl) {
  if (!runUrl) return null;
  const match = /^https:\/\/[^/]+\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(runUrl);
  if (!match || match[1].toLowerCase() !== context.owner.toLowerCase() || match[2].toLowerCase() !== context.repo.toLowerCase()) return null;
  return Number(match[3]);
}
var TrustReader = class {
  constructor(context, policy) {
    this.context = context;
    this.policy = policy;
    this.branch = policy.releaseBranch;
  }
  context;
  policy;
  branch;
  onBranch = /* @__PURE__ */ new Map();
  async releaseBranch() {
    if (this.branch === null) {
      const { data } = await call(this.context, "reading the repository", () => this.context.octokit.rest.repos.get({ owner: this.context.owner, repo: this.context.repo }));
      this.branch = data.default_branch;
    }
    return this.branch;
  }
  /** True when the release branch contains `commit`. */
  async isOnReleaseBranch(commit) {
    const known = this.onBranch.get(commit);
    if (known !== void 0) return known;
    const branch = await this.releaseBranch();
    let contained;
    try {
      const { data } = await this.context.octokit.rest.repos.compareCommitsWithBasehead({ owner: this.context.owner, repo: this.context.repo, basehead: `${commit}...${branch}`, per_page: 1 });
      contained = data.status === "identical" || data.status === "ahead";
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      contained = false;
    }
    this.onBranch.set(commit, contained);
    return contained;
  }
  /** Why the release made by GitHub Actions is not the release workflow's, or null when it is. */
  async actionsRunProblem(found) {
    const runId = runIdOf(this.context, found.card.runUrl);
    if (runId === null) return `it was made by ${ACTIONS_BOT} and its card names no run of ${this.context.owner}/${this.context.repo}`;
    let run;
    try {
      run = (await this.context.octokit.rest.actions.getWorkflowRun({ owner: this.context.owner, repo: this.context.repo, run_id: runId })).data;
    } catch (error) {
      if (statusOf(error) === 404) return `the run ${runId} its card names does not exist`;
      throw error;
    }
    const branch = await this.releaseBranch();
    if (run.path.replace(/@.*$/, "") !== this.policy.releaseWorkflow) return `run ${runId} is of ${run.path}, not the release workflow ${this.policy.releaseWorkflow}`;
    if (run.head_branch !== branch) return `run ${runId} ran on ${run.head_branch ?? "no branch"}, not the release branch ${branch}`;
    if (!RELEASE_EVENTS.has(run.event)) return `run ${runId} was started by ${run.event}, not by a push or a dispatch`;
    if (run.head_repository?.full_name && run.head_repository.full_name.toLowerCase() !== `${this.context.owner}/${this.context.repo}`.toLowerCase()) return `run ${runId} ran code of ${run.head_repository.full_name}`;
    if (run.head_sha !== found.card.commit) return `run ${runId} ran ${run.head_sha.slice(0, 7)}, not the card's commit`;
    if (run.status === "completed" && run.conclusion !== "success") return `run ${runId} concluded ${run.conclusion ?? "without a conclusion"}`;
    const created = Date.parse(found.release.created_at);
    const started = Date.parse(run.run_started_at ?? run.created_at);
    if (created < started) return `the release was created before run ${runId} started`;
    if (run.status === "completed" && created > Date.parse(run.updated_at)) return `the release was created after run ${runId} ended`;
    return null;
  }
  /** Why a release cannot be believed, or null when GitHub attests trainyard made it. */
  async problem(found) {
    const author = found.release.author?.login ?? null;
    const commit = found.card.commit;
    if (!commit) return "its card names no commit";
    if (author === null) return "GitHub reports no author for its release";
    if (author.toLowerCase() !== this.policy.appBot.toLowerCase()) {
      if (author.toLowerCase() !== ACTIONS_BOT) return `its release was made by ${author}, not by trainyard's App (${this.policy.appBot}) or the release workflow`;
      const why = await this.actionsRunProblem(found);
      if (why) return why;
    }
    const tagged = await commitOfTag(this.context, found.release.tag_name).catch((error) => {
      if (statusOf(error) === 404) return null;
      throw error;
    });
    if (tagged !== commit) return `its tag points at ${tagged?.slice(0, 7) ?? "nothing"}, not the card's commit ${commit.slice(0, 7)}`;
    if (!await this.isOnReleaseBranch(commit)) return `its commit ${commit.slice(0, 7)} is not on the release branch ${await this.releaseBranch()}`;
    return null;
  }
  /** The releases GitHub attests, and the others with the reason; one run vouches for one version. */
  async sift(releases) {
    const refused = [];
    const passed = [];
    for (const found of releases) {
      const reason = await this.problem(found);
      if (reason) refused.push({ tag: found.release.tag_name, reason });
      else passed.push(found);
    }
    const byRun = /* @__PURE__ */ new Map();
    for (const found of passed) {
      if (found.release.author?.login.toLowerCase() !== ACTIONS_BOT) continue;
      const run = runIdOf(this.context, found.card.runUrl);
      byRun.set(run, (byRun.get(run) ?? 0) + 1);
    }
    const trusted = passed.filter((found) => {
      if (found.release.author?.login.toLowerCase() !== ACTIONS_BOT) return true;
      const run = runIdOf(this.context, found.card.runUrl);
      if ((byRun.get(run) ?? 0) < 2) return true;
      refused.push({ tag: found.release.tag_name, reason: `several releases name run ${run}, which registers one version` });
      return false;
    });
    return { trusted, refused };
  }
};

// src/registry/github/transfer.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
async function readAsset(context, asset, sink) {
  const response = await call(
    context,
    `downloading asset ${asset.name}`,
    () => context.octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
      owner: context.owner,
      repo: context.repo,
      asset_id: asset.id,
      headers: { accept: "application/octet-stream" },
      request: { parseSuccessResponseBody: false }
    })
  );
  const hash = createHash3("sha256");
  const body = response.data;
  const source = body instanceof Uint8Array || typeof body === "string" ? Readable.from([Buffer.from(body)]) : Readable.fromWeb(body);
  const tap = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    }
  });
  if (sink) await pipeline(source, tap, sink, { end: false });
  else await pipeline(source, tap, new Writable({ write: (_chunk, _encoding, done) => done() }));
  return hash.digest("hex");
}
function reportedDigest(asset) {
  const match = /^sha256:([0-9a-f]{64})$/.exec(asset.digest ?? "");
  return match ? match[1] : null;
}
async function verifyAsset(context, asset, expected, where) {
  const digest = reportedDigest(asset) ?? await readAsset(context, asset);
  if (digest !== expected) {
    throw new DigestMismatchError(context.location, `${where}: asset ${asset.name} has sha256 ${digest}, expected ${expected}; the release stays a draft`);
  }
}
async function uploadAsset(context, part) {
  const origin = part.uploadUrl.replace(/\/repos\/.*$/, "");
  const { body } = part;
  const bytes = Buffer.isBuffer(body) ? body.length : body.bytes;
  const data = Buffer.isBuffer(body) ? body : bytes === 0 ? Buffer.alloc(0) : createReadStream2(body.source, { start: body.offset, end: body.offset + bytes - 1 });
  const response = await call(
    context,
    `uploading asset ${part.name}`,
    () => context.octokit.rest.repos.uploadReleaseAsset({
      owner: context.owner,
      repo: context.repo,
      release_id: part.releaseId,
      name: part.name,
      baseUrl: origin,
      // Octokit's type says string; fetch streams a file body (Octokit sets duplex).
      data,
      headers: { "content-type": "application/octet-stream", "content-length": bytes }
    })
  );
  return response.data;
}
async function downloadPart(context, asset, expected, target, where) {
  const sink = createWriteStream(target, { flags: "a" });
  try {
    const digest = await readAsset(context, asset, sink);
    if (digest !== expected) throw new DigestMismatchError(context.location, `${where}: asset ${asset.name} has sha256 ${digest}, expected ${expected}; nothing was downloaded`);
  } finally {
    await new Promise((resolve) => sink.end(resolve));
  }
}

// src/registry/github/github-registry.ts
var MAX_TRIES2 = 100;
var GitHubReleasesRegistry = class {
  location;
  context;
  now;
  partBytes;
  staleAfterMs;
  trust;
  trustPolicy;
  attestRecords;
  constructor(options) {
    this.location = `github:${options.owner}/${options.repo}`;
    this.context = { octokit: options.octokit, owner: options.owner, repo: options.repo, location: this.location };
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
    this.staleAfterMs = options.staleAfterMs ?? 36e5;
    this.trust = options.trust ? new TrustReader(this.context, options.trust) : null;
    this.trustPolicy = options.trust ?? null;
    this.attestRecords = options.attestRecords ?? false;
  }
  get repoParams() {
    return { owner: this.context.owner, repo: this.context.repo };
  }
  toVersion(found) {
    return { model: found.card.model, version: found.version, tag: found.release.tag_name, url: found.release.html_url, card: found.card };
  }
  async models() {
    const names = /* @__PURE__ */ new Set();
    for (const release of await listAllReleases(this.context)) {
      const card = release.draft ? null : parseCard(release.body ?? "");
      if (card && parseVersionTag(card.model, release.tag_name) === card.version) names.add(card.model);
    }
    return [...names].sort();
  }
  async versions(model) {
    return (await this.siftVersions(model)).versions;
  }
  /** The published versions believed, and, with a trust policy, those refused and why. */
  async siftVersions(model) {
    checkModelName(model);
    const published = (await modelReleases(this.context, model)).flatMap((found) => found.card && !found.release.draft ? [{ ...found, card: found.card }] : []);
    if (!this.trust) return { versions: published.map((found) => this.toVersion(found)), refused: [] };
    const { trusted, refused } = await this.trust.sift(published);
    return { versions: trusted.map((found) => this.toVersion(found)), refused };
  }
  async version(model, ref) {
    return resolveVersion(this, model, ref);
  }
  async register(request) {
    checkModelName(request.model);
    const releases = await modelReleases(this.context, request.model);
    const foreign = releases.find((found) => found.card === null);
    if (foreign) {
      throw new RegistryError(this.location, `release ${foreign.release.tag_name} was not made by trainyard (its body has no trainyard model card); trainyard owns tags ${request.model}@v<N>, so rename that release's tag or the model`);
    }
    let draft = await this.resumableDraft(request, releases);
    const resumed = draft !== null;
    draft ??= await this.createDraft(request, releases);
    request.onProgress?.({ kind: "allocated", version: draft.version, resumed });
    await this.uploadAll(request, draft);
    const { data: published } = await call(
      this.context,
      `publishing ${draft.release.tag_name}`,
      () => this.context.octokit.rest.repos.updateRelease({ ...this.repoParams, release_id: draft.release.id, draft: false, make_latest: "false" })
    );
    request.onProgress?.({ kind: "published", version: draft.version });
    const card = parseCard(published.body ?? "");
    if (!card) throw new RegistryError(this.location, `${draft.release.tag_name}: the published release lost its model card`);
    return this.toVersion({ version: draft.version, release: published, card });
  }
  async resumableDraft(request, releases) {
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
  async defaultHead() {
    const { data: repo } = await call(this.context, "reading the repository", () => this.context.octokit.rest.repos.get(this.repoParams));
    const { data: ref } = await call(this.context, `reading branch ${repo.default_branch}`, () => this.context.octokit.rest.git.getRef({ ...this.repoParams, ref: `heads/${repo.default_branch}` }));
    return ref.object.sha;
  }
  async createDraft(request, releases) {
    const tags = await tagsStartingWith(this.context, `${request.model}@v`);
    const numbers = [...tags.flatMap((tag2) => parseVersionTag(request.model, tag2.name) ?? []), ...releases.map((found) => found.version)];
    let version = Math.max(0, ...numbers) + 1;
    const commit = request.commit ?? await this.defaultHead();
    for (let tries = 0; !await createRefIfFree(this.context, `tags/${versionTag(request.model, version)}`, commit); tries++, version++) {
      if (tries >= MAX_TRIES2) throw new RegistryError(this.location, `no free version number for ${request.model} after ${MAX_TRIES2} tries`);
    }
    const tag = versionTag(request.model, version);
    const card = buildCard(request, version, this.now().toISOString());
    const { data } = await call(
      this.context,
      `creating the draft release ${tag}`,
      () => this.context.octokit.rest.repos.createRelease({ ...this.repoParams, tag_name: tag, name: `${request.model} v${version}`, body: renderCard(card), draft: true, make_latest: "false" })
    );
    return { version, release: data, card };
  }
  /** Uploads what the draft lacks; a present asset is kept only when its digest matches. */
  async uploadAll(request, draft) {
    const manifest = await planAssets(request.content.files, this.partBytes);
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}
`);
    const manifestSha = createHash4("sha256").update(manifestBytes).digest("hex");
    const existing = new Map(draft.release.assets.map((asset) => [asset.name, asset]));
    const sources = new Map(request.content.files.map((file) => [file.path, file.source]));
    const put = async (name, sha256, body) => {
      const present = existing.get(name);
      if (present?.state === "uploaded") {
        const ok = await verifyAsset(this.context, present, sha256, draft.release.tag_name).then(() => true, (error) => {
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
      for (const part of file.assets) await put(part.name, part.sha256, { source: sources.get(file.path), offset: part.offset, bytes: part.bytes });
      request.onProgress?.({ kind: "stored", path: file.path, done: index + 1, total: manifest.files.length });
    }
    await put(MANIFEST_ASSET, manifestSha, manifestBytes);
  }
  async promote(request) {
    checkEnvironmentName(request.environment);
    await this.version(request.model, { version: request.version });
    const attest = this.attestRecords ? (written) => attestRecord(this.context, written.tag, written.message, written.commit) : void 0;
    return recordPromotion(this.context, request, this.now().toISOString(), attest);
  }
  async history(model, environment) {
    checkModelName(model);
    if (environment !== void 0) checkEnvironmentName(environment);
    return readHistory(this.context, model, environment, this.trustPolicy ? appSlugOf(this.trustPolicy) : void 0);
  }
  /** Promotion records as written, unattested ones included, with why each would not count. */
  async siftHistory(model, environment) {
    checkModelName(model);
    const refused = [];
    const unattested = [];
    const history = await readHistory(this.context, model, environment, this.trustPolicy ? appSlugOf(this.trustPolicy) : void 0, (tag, reason, found) => {
      refused.push({ tag, reason });
      if (found) unattested.push(found);
    });
    return { history, refused, unattested };
  }
  /** Attests records an App did not write itself (a release run's deploy records), once checked. */
  async attest(written) {
    await attestRecord(this.context, written.tag, written.message, written.commit);
  }
  async readManifest(tag, assets) {
    const asset = assets.find((candidate) => candidate.name === MANIFEST_ASSET);
    if (!asset) throw new RegistryError(this.location, `${tag}: missing asset ${MANIFEST_ASSET}`);
    const chunks = [];
    const sink = new Writable2({ write: (chunk, _encoding, done) => {
      chunks.push(chunk);
      done();
    } });
    await readAsset(this.context, asset, sink);
    try {
      return JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      throw new RegistryError(this.location, `${tag}: asset ${MANIFEST_ASSET} is not JSON`);
    }
  }
  /** Reads the manifest and the selected files' assets only: `--file profile.json` fetches one asset. */
  async download(model, version, dir, options = {}) {
    const found = await this.version(model, { version });
    const files = selectFiles(this.location, found, options.only);
    const { data: release } = await call(this.context, `reading release ${found.tag}`, () => this.context.octokit.rest.repos.getReleaseByTag({ ...this.repoParams, tag: found.tag }));
    const assets = release.assets;
    const manifest = await this.readManifest(found.tag, assets);
    return downloadInto(dir, async (staging) => {
      for (const file of files) {
        const entry = manifest.files?.find((candidate) => candidate.path === file.path && candidate.sha256 === file.sha256);
        if (!entry) throw new RegistryError(this.location, `${found.tag}: ${MANIFEST_ASSET} does not list ${file.path} with the card's digest`);
        const target = path.join(staging, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, "");
        for (const part of entry.assets) {
          const asset = assets.find((candidate) => candidate.name === part.name);
          if (!asset) throw new RegistryError(this.location, `${found.tag}: missing asset ${part.name} (of ${file.path}); nothing was downloaded`);
          await downloadPart(this.context, asset, part.sha256, target, found.tag);
        }
        const digest = await sha256File(target);
        if (digest !== file.sha256) throw new DigestMismatchError(this.location, `${found.tag} ${file.path}: joined sha256 ${digest} differs from the registered ${file.sha256}; nothing was downloaded`);
      }
      if (!options.only) await writeFile(path.join(staging, "model-card.md"), renderCard(found.card));
      return { version: found, dir, files };
    });
  }
};

export {
  messageOf,
  call,
  createRefIfFree,
  runIdOf,
  readAsset,
  GitHubReleasesRegistry
};
