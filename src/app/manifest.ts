/**
 * Registering a team's own trainyard App with GitHub's manifest flow
 * (https://docs.github.com/en/apps/sharing-github-apps/registering-a-github-app-from-a-manifest):
 * the manifest comes from app/app.yml; a browser posts it to GitHub's "new App" page;
 * GitHub sends the browser back with a code, which `POST /app-manifests/{code}/conversions`
 * trades for the App's id, private key and webhook secret. Pure parts here; the local
 * server and the files live in the command.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ConfigError, UsageError } from '../errors.ts';

export const MANIFEST_FILE = path.join('app', 'app.yml');

export interface AppManifest {
  name: string;
  url: string;
  hook_attributes: { url: string; active?: boolean };
  redirect_url: string;
  public: boolean;
  default_permissions: Record<string, string>;
  default_events: string[];
}

/** The manifest file of this installation: app/app.yml of the checkout or of the installed package. */
export function findManifest(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, MANIFEST_FILE)) && existsSync(path.join(dir, 'package.json'))) return path.join(dir, MANIFEST_FILE);
    if (path.dirname(dir) === dir) throw new UsageError(`app create: ${MANIFEST_FILE} is not part of this installation; reinstall trainyard (npm i -D trainyard)`);
  }
}

/** GitHub App names: at most 34 characters, letters, digits, spaces, `-` and `_`. */
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,33}$/;

/**
 * The manifest to post: app/app.yml's permissions and events, the team's name for the
 * App, and its webhook URL. Without one (the App runs as the `actions/app` job and
 * needs no webhook) the hook is registered inactive.
 */
export function buildManifest(text: string, file: string, options: { name: string; webhookUrl: string | undefined; redirectUrl: string }): AppManifest {
  if (!APP_NAME.test(options.name)) throw new UsageError(`--name "${options.name}": expected at most 34 letters, digits, spaces, "-" or "_" (GitHub's rule for App names)`);
  if (options.webhookUrl !== undefined && !/^https:\/\/[^\s]+$/.test(options.webhookUrl)) throw new UsageError(`--webhook-url "${options.webhookUrl}": expected an https:// URL where the App's server receives webhooks`);
  const base = parse(text) as Partial<AppManifest> | null;
  if (!base || typeof base.default_permissions !== 'object' || !Array.isArray(base.default_events)) {
    throw new ConfigError({ file, message: 'not a GitHub App manifest; expected default_permissions and default_events' });
  }
  return {
    name: options.name,
    url: base.url ?? 'https://github.com/trainyard/trainyard',
    hook_attributes: options.webhookUrl ? { url: options.webhookUrl, active: true } : { url: base.hook_attributes?.url ?? 'https://example.com/api/github/webhooks', active: false },
    redirect_url: options.redirectUrl,
    public: false,
    default_permissions: base.default_permissions,
    default_events: base.default_events,
  };
}

export async function readManifest(file: string, options: { name: string; webhookUrl: string | undefined; redirectUrl: string }): Promise<AppManifest> {
  return buildManifest(await readFile(file, 'utf8'), file, options);
}

/** Where the browser posts the manifest: the user's or the organisation's "new App" page. */
export function newAppUrl(githubUrl: string, owner: string | undefined, state: string): string {
  const base = githubUrl.replace(/\/+$/, '');
  const page = owner ? `${base}/organizations/${encodeURIComponent(owner)}/settings/apps/new` : `${base}/settings/apps/new`;
  return `${page}?state=${encodeURIComponent(state)}`;
}

/** The App's settings page, where its key, webhook and permissions are changed later. */
export function settingsUrl(githubUrl: string, owner: string | undefined, slug: string): string {
  const base = githubUrl.replace(/\/+$/, '');
  return owner ? `${base}/organizations/${encodeURIComponent(owner)}/settings/apps/${slug}` : `${base}/settings/apps/${slug}`;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page the browser opens: a form that posts the manifest to GitHub by itself. */
export function manifestPage(action: string, manifest: AppManifest): string {
  return [
    '<!doctype html>',
    '<meta charset="utf-8"><title>Register the trainyard App</title>',
    `<form id="manifest" method="post" action="${escapeHtml(action)}">`,
    `<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">`,
    `<p>Registering <b>${escapeHtml(manifest.name)}</b> on GitHub…</p><button type="submit">Continue to GitHub</button>`,
    '</form>',
    '<script>document.getElementById("manifest").submit()</script>',
    '',
  ].join('\n');
}

/** What `POST /app-manifests/{code}/conversions` answers (the fields trainyard keeps). */
export interface AppConversion {
  id: number;
  slug: string;
  html_url: string;
  pem: string;
  webhook_secret: string | null;
  client_id: string;
  client_secret: string;
  owner?: { login?: string } | null;
}
