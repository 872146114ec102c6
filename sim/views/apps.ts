/** GitHub's `integration`, `installation` and `installation-token` shapes. */
import type { SimUrls } from '../urls.ts';
import type { Installation, InstallationToken, SimApp } from '../state/apps.ts';
import { nodeId } from '../state/ids.ts';
import { simpleUser } from './users.ts';

export function integration(urls: SimUrls, app: SimApp): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    client_id: app.clientId,
    node_id: nodeId('App', app.id),
    owner: simpleUser(urls, app.owner),
    name: app.name,
    description: null,
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events.filter((e) => e !== '*'),
  };
}

export function installation(urls: SimUrls, app: SimApp, inst: Installation): Record<string, unknown> {
  return {
    id: inst.id,
    account: simpleUser(urls, inst.account),
    repository_selection: inst.repositories === 'all' ? 'all' : 'selected',
    access_tokens_url: `${urls.api}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/settings/installations/${inst.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: inst.account.id,
    target_type: inst.account.type,
    permissions: inst.permissions,
    events: app.events.filter((e) => e !== '*'),
    created_at: inst.createdAt,
    updated_at: inst.createdAt,
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}

export function installationToken(token: InstallationToken, repositories?: unknown[]): Record<string, unknown> {
  return {
    token: token.token,
    expires_at: token.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    permissions: token.permissions,
    repository_selection: token.repositories === null ? 'all' : 'selected',
    ...(repositories ? { repositories } : {}),
  };
}
