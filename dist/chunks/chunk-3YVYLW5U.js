#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  DigestMismatchError,
  RegistryError,
  buildCard,
  checkEnvironmentName,
  checkModelName,
  downloadInto,
  parseCard,
  readPromotion,
  renderCard,
  resolveVersion,
  selectFiles,
  sortHistory,
  versionTag
} from "./chunk-TWUAGNDN.js";
import {
  sha256File
} from "./chunk-HB6HQUKP.js";
import {
  external_exports
} from "./chunk-POXGZ53D.js";

// src/registry/local/local-registry.ts
import { appendFile, mkdir as mkdir2, readdir as readdir2, readFile as readFile2, rm, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/registry/local/version-folder.ts
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
var REGISTRATION_FILE = "registration.json";
var COMPLETE_FILE = "complete";
var ABANDONED_FILE = "abandoned";
var CARD_FILE = "card.md";
var FILES_DIR = "files";
var registrationSchema = external_exports.strictObject({
  trainyard: external_exports.literal(1),
  contentSha256: external_exports.string(),
  startedAt: external_exports.string()
});
async function exists(file) {
  return readFile(file).then(() => true, () => false);
}
async function folderState(dir) {
  let registration;
  try {
    const parsed = registrationSchema.safeParse(JSON.parse(await readFile(path.join(dir, REGISTRATION_FILE), "utf8")));
    if (!parsed.success) return { kind: "foreign" };
    registration = parsed.data;
  } catch {
    const entries = await readdir(dir).catch(() => ["?"]);
    return entries.every((entry) => entry.startsWith(`${REGISTRATION_FILE}.`) && entry.endsWith(".tmp")) ? { kind: "claimed" } : { kind: "foreign" };
  }
  if (await exists(path.join(dir, COMPLETE_FILE))) return { kind: "complete" };
  if (await exists(path.join(dir, ABANDONED_FILE))) return { kind: "abandoned" };
  return { kind: "incomplete", registration };
}
async function writeAtomic(file, text) {
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
async function copyAtomic(source, target) {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  await copyFile(source, temporary);
  await rename(temporary, target);
}
async function writeRegistration(dir, registration) {
  await writeAtomic(path.join(dir, REGISTRATION_FILE), `${JSON.stringify(registration, null, 2)}
`);
}

// src/registry/local/local-registry.ts
var HISTORY_FILE = "promotions.jsonl";
var SEQUENCE_DIR = "promotions";
function versionNumbers(entries) {
  return entries.flatMap((entry) => /^v[1-9][0-9]*$/.test(entry) ? [Number(entry.slice(1))] : []).sort((a, b) => a - b);
}
async function isErrno(promise, code) {
  try {
    await promise;
    return false;
  } catch (error) {
    if (error.code === code) return true;
    throw error;
  }
}
var LocalRegistry = class {
  location;
  dir;
  now;
  staleAfterMs;
  constructor(options) {
    this.dir = path2.resolve(options.dir);
    this.location = `local:${this.dir}`;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.staleAfterMs = options.staleAfterMs ?? 36e5;
  }
  modelDir(model) {
    return path2.join(this.dir, checkModelName(model));
  }
  /** For a folder's `readdir`: a folder that does not exist yet is empty; any other failure names it, so an unreadable registry never looks empty. */
  noneIfMissing(dir) {
    return (error) => {
      if (error.code === "ENOENT") return [];
      throw new RegistryError(this.location, `${dir}: cannot read the folder (${error.code ?? error.message})`, { cause: error });
    };
  }
  versionDir(model, version) {
    return path2.join(this.modelDir(model), `v${version}`);
  }
  async models() {
    const entries = await readdir2(this.dir, { withFileTypes: true }).catch(this.noneIfMissing(this.dir));
    const names = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const hasVersion = (await this.versions(entry.name).catch(() => [])).length > 0;
      if (hasVersion) names.push(entry.name);
    }
    return names.sort();
  }
  async versions(model) {
    const numbers = versionNumbers(await readdir2(this.modelDir(model)).catch(this.noneIfMissing(this.modelDir(model))));
    const found = [];
    for (const number of numbers) {
      const dir = this.versionDir(model, number);
      if ((await folderState(dir)).kind !== "complete") continue;
      found.push(await this.readVersion(model, number));
    }
    return found;
  }
  async readVersion(model, version) {
    const dir = this.versionDir(model, version);
    const card = parseCard(await readFile2(path2.join(dir, CARD_FILE), "utf8").catch(() => ""));
    if (!card || card.model !== model || card.version !== version) throw new RegistryError(this.location, `${dir}/${CARD_FILE}: not a trainyard model card of ${versionTag(model, version)}`);
    return { model, version, tag: versionTag(model, version), url: dir, card };
  }
  async version(model, ref) {
    return resolveVersion(this, model, ref);
  }
  async register(request) {
    const modelDir = this.modelDir(request.model);
    await mkdir2(modelDir, { recursive: true });
    const version = await this.resumable(request) ?? await this.allocate(request);
    const dir = this.versionDir(request.model, version.number);
    request.onProgress?.({ kind: "allocated", version: version.number, resumed: version.resumed });
    const { files } = request.content;
    for (const [index, file] of files.entries()) {
      const target = path2.join(dir, FILES_DIR, file.path);
      const already = await sha256File(target).catch(() => null);
      if (already !== file.sha256) await copyAtomic(file.source, target);
      const stored = await sha256File(target);
      if (stored !== file.sha256) throw new DigestMismatchError(this.location, `${target}: stored sha256 ${stored} differs from ${file.sha256} of ${file.source}; the version stays unpublished`);
      request.onProgress?.({ kind: "stored", path: file.path, done: index + 1, total: files.length });
    }
    await writeAtomic(path2.join(dir, CARD_FILE), renderCard(buildCard(request, version.number, version.startedAt)));
    await writeAtomic(path2.join(dir, COMPLETE_FILE), `${this.now().toISOString()}
`);
    request.onProgress?.({ kind: "published", version: version.number });
    return this.readVersion(request.model, version.number);
  }
  /**
   * An unfinished registration of the same content is resumed; an unfinished one of
   * other content older than the stale limit is abandoned (its files removed, its
   * number kept taken). A folder trainyard did not make stops everything.
   */
  async resumable(request) {
    const modelDir = this.modelDir(request.model);
    for (const number of versionNumbers(await readdir2(modelDir))) {
      const dir = this.versionDir(request.model, number);
      const state = await folderState(dir);
      if (state.kind === "foreign") throw new RegistryError(this.location, `${dir}: not made by trainyard (no valid registration.json); move it away so versions of ${request.model} can be registered`);
      if (state.kind !== "incomplete") continue;
      if (state.registration.contentSha256 === request.content.contentSha256) return { number, resumed: true, startedAt: state.registration.startedAt };
      const age = this.now().getTime() - Date.parse(state.registration.startedAt);
      if (age > this.staleAfterMs) {
        await rm(path2.join(dir, FILES_DIR), { recursive: true, force: true });
        await writeFile2(path2.join(dir, ABANDONED_FILE), `${this.now().toISOString()}
`);
      }
    }
    return null;
  }
  async allocate(request) {
    const modelDir = this.modelDir(request.model);
    let number = (versionNumbers(await readdir2(modelDir)).at(-1) ?? 0) + 1;
    while (await isErrno(mkdir2(path2.join(modelDir, `v${number}`)), "EEXIST")) number++;
    const startedAt = this.now().toISOString();
    await writeRegistration(this.versionDir(request.model, number), { trainyard: 1, contentSha256: request.content.contentSha256, startedAt });
    return { number, resumed: false, startedAt };
  }
  async promote(request) {
    checkEnvironmentName(request.environment);
    await this.version(request.model, { version: request.version });
    const sequences = path2.join(this.modelDir(request.model), SEQUENCE_DIR);
    await mkdir2(sequences, { recursive: true });
    const prefix = `${request.environment}#`;
    const taken = (await readdir2(sequences)).filter((entry) => entry.startsWith(prefix)).map((entry) => Number(entry.slice(prefix.length)));
    let sequence = Math.max(0, ...taken) + 1;
    while (await isErrno(mkdir2(path2.join(sequences, `${prefix}${sequence}`)), "EEXIST")) sequence++;
    const promotion = { ...request, sequence, at: this.now().toISOString() };
    await appendFile(path2.join(this.modelDir(request.model), HISTORY_FILE), `${JSON.stringify(promotion)}
`);
    return promotion;
  }
  async history(model, environment) {
    if (environment !== void 0) checkEnvironmentName(environment);
    const file = path2.join(this.modelDir(model), HISTORY_FILE);
    const text = await readFile2(file, "utf8").catch((error) => {
      if (error.code === "ENOENT") return "";
      throw new RegistryError(this.location, `${file}: cannot read the promotion history (${error.code ?? error.message})`, { cause: error });
    });
    const records = text.split("\n").filter((line) => line.trim()).map((line, index) => {
      let record;
      try {
        record = readPromotion(JSON.parse(line));
      } catch {
        record = null;
      }
      if (!record) throw new RegistryError(this.location, `${file}:${index + 1}: not a trainyard promotion record`);
      return record;
    });
    return sortHistory(records.filter((record) => environment === void 0 || record.environment === environment));
  }
  async download(model, version, dir, options = {}) {
    const found = await this.version(model, { version });
    const files = selectFiles(this.location, found, options.only);
    const source = this.versionDir(model, version);
    return downloadInto(dir, async (staging) => {
      for (const file of files) {
        const target = path2.join(staging, file.path);
        const stored = path2.join(source, FILES_DIR, file.path);
        await copyAtomic(stored, target).catch((error) => {
          if (error.code !== "ENOENT") throw error;
          throw new RegistryError(this.location, `${versionTag(model, version)}: missing file ${stored}; nothing was downloaded`);
        });
        const digest = await sha256File(target);
        if (digest !== file.sha256) throw new DigestMismatchError(this.location, `${versionTag(model, version)} ${file.path}: sha256 ${digest} differs from the registered ${file.sha256}; nothing was downloaded`);
      }
      if (!options.only) await writeFile2(path2.join(staging, "model-card.md"), renderCard(found.card));
      return { version: found, dir, files };
    });
  }
};

export {
  LocalRegistry
};
