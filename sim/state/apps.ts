/**
 * GitHub Apps, their installations and installation access tokens. An App is known by
 * its id and RSA public key; a JWT it signs with its private key (RS256) authenticates
 * it, and it exchanges that JWT for short-lived installation tokens.
 */
import type { KeyObject } from 'node:crypto';
import type { SimUser } from './users.ts';

export type PermissionLevel = 'read' | 'write' | 'admin';
export type Permissions = Record<string, PermissionLevel>;

export interface SimApp {
  id: number;
  slug: string;
  name: string;
  /** The App's own client id, also accepted as the JWT `iss`. */
  clientId: string;
  owner: SimUser;
  /** The bot account the App acts as (`<slug>[bot]`). */
  bot: SimUser;
  publicKey: KeyObject;
  permissions: Permissions;
  events: string[];
  webhook: { url: string; secret: string } | null;
  createdAt: string;
}

export interface Installation {
  id: number;
  appId: number;
  account: SimUser;
  /** `all` repositories of the account, or the listed `owner/name`s. */
  repositories: 'all' | string[];
  permissions: Permissions;
  createdAt: string;
}

export interface InstallationToken {
  token: string;
  installationId: number;
  permissions: Permissions;
  /** Null: every repository the installation can reach. */
  repositories: string[] | null;
  expiresAt: Date;
}

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/** True when `granted` is at least `needed`. */
export function allows(granted: PermissionLevel | undefined, needed: PermissionLevel): boolean {
  return granted !== undefined && RANK[granted] >= RANK[needed];
}

/**
 * What GitHub keeps between "Create GitHub App" on the manifest page and the
 * `POST /app-manifests/{code}/conversions` that trades the code for the App's
 * credentials: the code is good once, for an hour.
 */
export interface ManifestConversion {
  code: string;
  appId: number;
  pem: string;
  clientSecret: string;
  webhookSecret: string | null;
  expiresAt: Date;
}
