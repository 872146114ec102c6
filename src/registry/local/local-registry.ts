/**
 * The embedded registry: a directory, `<dir>/<model>/v<N>/` per version and an
 * append-only `<dir>/<model>/promotions.jsonl`. Numbers are taken with mkdir, which
 * the file system makes atomic across processes, the way GitHub takes a tag ref.
 */
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from '../../util/hash.ts';
import { DigestMismatchError, RegistryError } from '../errors.ts';
import { parseCard, renderCard } from '../card.ts';
import { checkEnvironmentName, checkModelName, versionTag } from '../names.ts';
import { readPromotion, sortHistory } from '../promotion-record.ts';
import { buildCard, downloadInto, resolveVersion, selectFiles } from '../shared.ts';
import type { DownloadedVersion, DownloadOptions, ModelRegistry, ModelVersion, PromoteRequest, Promotion, RegisterRequest, VersionRef } from '../types.ts';
import { ABANDONED_FILE, CARD_FILE, COMPLETE_FILE, copyAtomic, FILES_DIR, folderState, writeAtomic, writeRegistration } from './version-folder.ts';

export interface LocalRegistryOptions {
  dir: string;
  now?: () => Date;
  /** An unfinished registration of other content older than this is abandoned. */
  staleAfterMs?: number;
}

const HISTORY_FILE = 'promotions.jsonl';
const SEQUENCE_DIR = 'promotions';

function versionNumbers(entries: string[]): number[] {
  return entries.flatMap((entry) => (/^v[1-9][0-9]*$/.test(entry) ? [Number(entry.slice(1))] : [])).sort((a, b) => a - b);
}

async function isErrno(promise: Promise<unknown>, code: string): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === code) return true;
    throw error;
  }
}

export class LocalRegistry implements ModelRegistry {
  readonly location: string;
  private readonly dir: string;
  private readonly now: () => Date;
  private readonly staleAfterMs: number;

  constructor(options: LocalRegistryOptions) {
    this.dir = path.resolve(options.dir);
    this.location = `local:${this.dir}`;
    this.now = options.now ?? (() => new Date());
    this.staleAfterMs = options.staleAfterMs ?? 3_600_000;
  }

  private modelDir(model: string): string {
    return path.join(this.dir, checkModelName(model));
  }

  /** For a folder's `readdir`: a folder that does not exist yet is empty; any other failure names it, so an unreadable registry never looks empty. */
  private noneIfMissing(dir: string): (error: NodeJS.ErrnoException) => never[] {
    return (error) => {
      if (error.code === 'ENOENT') return [];
      throw new RegistryError(this.location, `${dir}: cannot read the folder (${error.code ?? error.message})`, { cause: error });
    };
  }

  private versionDir(model: string, version: number): string {
    return path.join(this.modelDir(model), `v${version}`);
  }

  async models(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(this.noneIfMissing(this.dir));
    const names: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const hasVersion = (await this.versions(entry.name).catch(() => [])).length > 0;
      if (hasVersion) names.push(entry.name);
    }
    return names.sort();
  }

  async versions(model: string): Promise<ModelVersion[]> {
    const numbers = versionNumbers(await readdir(this.modelDir(model)).catch(this.noneIfMissing(this.modelDir(model))));
    const found: ModelVersion[] = [];
    for (const number of numbers) {
      const dir = this.versionDir(model, number);
      if ((await folderState(dir)).kind !== 'complete') continue;
      found.push(await this.readVersion(model, number));
    }
    return found;
  }

  private async readVersion(model: string, version: number): Promise<ModelVersion> {
    const dir = this.versionDir(model, version);
    const card = parseCard(await readFile(path.join(dir, CARD_FILE), 'utf8').catch(() => ''));
    if (!card || card.model !== model || card.version !== version) throw new RegistryError(this.location, `${dir}/${CARD_FILE}: not a trainyard model card of ${versionTag(model, version)}`);
    return { model, version, tag: versionTag(model, version), url: dir, card };
  }

  async version(model: string, ref: VersionRef): Promise<ModelVersion> {
    return resolveVersion(this, model, ref);
  }

  async register(request: RegisterRequest): Promise<ModelVersion> {
    const modelDir = this.modelDir(request.model);
    await mkdir(modelDir, { recursive: true });
    const version = (await this.resumable(request)) ?? (await this.allocate(request));
    const dir = this.versionDir(request.model, version.number);
    request.onProgress?.({ kind: 'allocated', version: version.number, resumed: version.resumed });
    const { files } = request.content;
    for (const [index, file] of files.entries()) {
      const target = path.join(dir, FILES_DIR, file.path);
      const already = await sha256File(target).catch(() => null);
      if (already !== file.sha256) await copyAtomic(file.source, target);
      const stored = await sha256File(target);
      if (stored !== file.sha256) throw new DigestMismatchError(this.location, `${target}: stored sha256 ${stored} differs from ${file.sha256} of ${file.source}; the version stays unpublished`);
      request.onProgress?.({ kind: 'stored', path: file.path, done: index + 1, total: files.length });
    }
    await writeAtomic(path.join(dir, CARD_FILE), renderCard(buildCard(request, version.number, version.startedAt)));
    await writeAtomic(path.join(dir, COMPLETE_FILE), `${this.now().toISOString()}\n`);
    request.onProgress?.({ kind: 'published', version: version.number });
    return this.readVersion(request.model, version.number);
  }

  /**
   * An unfinished registration of the same content is resumed; an unfinished one of
   * other content older than the stale limit is abandoned (its files removed, its
   * number kept taken). A folder trainyard did not make stops everything.
   */
  private async resumable(request: RegisterRequest): Promise<{ number: number; resumed: true; startedAt: string } | null> {
    const modelDir = this.modelDir(request.model);
    for (const number of versionNumbers(await readdir(modelDir))) {
      const dir = this.versionDir(request.model, number);
      const state = await folderState(dir);
      if (state.kind === 'foreign') throw new RegistryError(this.location, `${dir}: not made by trainyard (no valid registration.json); move it away so versions of ${request.model} can be registered`);
      if (state.kind !== 'incomplete') continue;
      if (state.registration.contentSha256 === request.content.contentSha256) return { number, resumed: true, startedAt: state.registration.startedAt };
      const age = this.now().getTime() - Date.parse(state.registration.startedAt);
      if (age > this.staleAfterMs) {
        await rm(path.join(dir, FILES_DIR), { recursive: true, force: true });
        await writeFile(path.join(dir, ABANDONED_FILE), `${this.now().toISOString()}\n`);
      }
    }
    return null;
  }

  private async allocate(request: RegisterRequest): Promise<{ number: number; resumed: false; startedAt: string }> {
    const modelDir = this.modelDir(request.model);
    let number = (versionNumbers(await readdir(modelDir)).at(-1) ?? 0) + 1;
    while (await isErrno(mkdir(path.join(modelDir, `v${number}`)), 'EEXIST')) number++;
    const startedAt = this.now().toISOString();
    await writeRegistration(this.versionDir(request.model, number), { trainyard: 1, contentSha256: request.content.contentSha256, startedAt });
    return { number, resumed: false, startedAt };
  }

  async promote(request: PromoteRequest): Promise<Promotion> {
    checkEnvironmentName(request.environment);
    await this.version(request.model, { version: request.version });
    const sequences = path.join(this.modelDir(request.model), SEQUENCE_DIR);
    await mkdir(sequences, { recursive: true });
    const prefix = `${request.environment}#`;
    const taken = (await readdir(sequences)).filter((entry) => entry.startsWith(prefix)).map((entry) => Number(entry.slice(prefix.length)));
    let sequence = Math.max(0, ...taken) + 1;
    while (await isErrno(mkdir(path.join(sequences, `${prefix}${sequence}`)), 'EEXIST')) sequence++;
    const promotion: Promotion = { ...request, sequence, at: this.now().toISOString() };
    // One short line per append: O_APPEND keeps concurrent records whole.
    await appendFile(path.join(this.modelDir(request.model), HISTORY_FILE), `${JSON.stringify(promotion)}\n`);
    return promotion;
  }

  async history(model: string, environment?: string): Promise<Promotion[]> {
    if (environment !== undefined) checkEnvironmentName(environment);
    const file = path.join(this.modelDir(model), HISTORY_FILE);
    // No history file yet means no promotions; any other failure must not read as "no champion".
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw new RegistryError(this.location, `${file}: cannot read the promotion history (${error.code ?? error.message})`, { cause: error });
    });
    const records = text.split('\n').filter((line) => line.trim()).map((line, index) => {
      let record: Promotion | null;
      try {
        record = readPromotion(JSON.parse(line));
      } catch {
        record = null;
      }
      if (!record) throw new RegistryError(this.location, `${file}:${index + 1}: not a trainyard promotion record`);
      return record;
    });
    return sortHistory(records.filter((record) => environment === undefined || record.environment === environment));
  }

  async download(model: string, version: number, dir: string, options: DownloadOptions = {}): Promise<DownloadedVersion> {
    const found = await this.version(model, { version });
    const files = selectFiles(this.location, found, options.only);
    const source = this.versionDir(model, version);
    return downloadInto(dir, async (staging) => {
      for (const file of files) {
        const target = path.join(staging, file.path);
        const stored = path.join(source, FILES_DIR, file.path);
        await copyAtomic(stored, target).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          throw new RegistryError(this.location, `${versionTag(model, version)}: missing file ${stored}; nothing was downloaded`);
        });
        const digest = await sha256File(target);
        if (digest !== file.sha256) throw new DigestMismatchError(this.location, `${versionTag(model, version)} ${file.path}: sha256 ${digest} differs from the registered ${file.sha256}; nothing was downloaded`);
      }
      if (!options.only) await writeFile(path.join(staging, 'model-card.md'), renderCard(found.card));
      return { version: found, dir, files };
    });
  }
}
