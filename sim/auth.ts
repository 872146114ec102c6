/**
 * Who is calling, and may they. Credentials map to a user (personal token), an App (JWT)
 * or an installation (installation access token). Answers follow GitHub: 401 without or
 * with bad credentials, 404 for a private repository the caller cannot see, 403 when
 * it can see it but lacks the permission.
 */
import { SimHttpError } from './http-error.ts';
import { looksLikeJwt, verifyAppJwt } from './jwt.ts';
import { allows, type InstallationToken, type PermissionLevel, type SimApp } from './state/apps.ts';
import { roleOf, type RepoRole, type RepoState } from './state/repos.ts';
import { covers, type SimState } from './state/store.ts';
import type { SimUser } from './state/users.ts';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: SimUser }
  | { kind: 'app'; app: SimApp }
  | { kind: 'installation'; token: InstallationToken; app: SimApp; bot: SimUser };

/** What an operation needs from its caller. */
export type Access =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'app' }
  /** App JWT, on a repository the App is installed on (`GET /repos/{o}/{r}/installation`). */
  | { kind: 'app-repo' }
  /** App JWT, on an organisation the App is installed on (`GET /orgs/{org}/installation`). */
  | { kind: 'app-org' }
  /** An installation on the organisation `{org}` with the App permission `permission` at `level`. */
  | { kind: 'org'; permission: string; level: PermissionLevel }
  | {
    kind: 'repo';
    permissions: string[];
    level: PermissionLevel;
    appsOnly?: boolean;
    /** The least repository role a user needs, where GitHub asks less than `level` (triage may label, anyone who can read may open a pull request). */
    userRole?: RepoRole;
  };

/** The account an actor writes as: the user, or the App's bot. */
export function actingUser(actor: Actor): SimUser {
  if (actor.kind === 'user') return actor.user;
  if (actor.kind === 'installation') return actor.bot;
  throw new SimHttpError(403, 'Resource not accessible by integration');
}

/** Resolves the Authorization header to an actor. */
export function authenticate(state: SimState, header: string | undefined, nowMs: number): Actor {
  if (!header) return { kind: 'anonymous' };
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new SimHttpError(401, 'Bad credentials');
  const credential = match[1]!;
  if (looksLikeJwt(credential)) {
    const app = verifyAppJwt(credential, (iss) => [...state.apps.values()].find((a) => String(a.id) === iss || a.clientId === iss), nowMs);
    return { kind: 'app', app };
  }
  const token = state.installationTokens.get(credential);
  if (token) {
    if (token.expiresAt.getTime() <= nowMs) throw new SimHttpError(401, 'Bad credentials');
    const installation = state.installations.get(token.installationId)!;
    const app = state.apps.get(installation.appId)!;
    return { kind: 'installation', token, app, bot: app.bot };
  }
  const user = state.users.byToken(credential);
  if (!user) throw new SimHttpError(401, 'Bad credentials');
  return { kind: 'user', user };
}

const ROLE_LEVEL: Record<RepoRole, PermissionLevel> = { read: 'read', triage: 'read', write: 'write', maintain: 'write', admin: 'admin' };
const ROLE_RANK: Record<RepoRole, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

function canSee(state: SimState, actor: Actor, repo: RepoState): boolean {
  if (!repo.private) return true;
  if (actor.kind === 'user') return roleOf(repo, actor.user) !== undefined;
  if (actor.kind === 'installation') return tokenCovers(state, actor.token, repo);
  return false;
}

function tokenCovers(state: SimState, token: InstallationToken, repo: RepoState): boolean {
  const installation = state.installations.get(token.installationId);
  if (!installation || !covers(installation, repo)) return false;
  return token.repositories === null || token.repositories.some((r) => r.toLowerCase() === repo.fullName.toLowerCase());
}

/** Throws GitHub's answer when `actor` may not perform an operation needing `access`. */
export function authorize(state: SimState, access: Access, actor: Actor, repo: RepoState | undefined, org?: string): void {
  if (access.kind === 'app-org' || access.kind === 'org') return authorizeOrg(state, access, actor, org);
  if (access.kind === 'public') {
    if (repo && !canSee(state, actor, repo)) throw new SimHttpError(404, 'Not Found');
    return;
  }
  if (access.kind === 'app' || access.kind === 'app-repo') {
    if (actor.kind !== 'app') throw new SimHttpError(401, 'A JSON web token could not be decoded');
    if (access.kind === 'app-repo' && (!repo || !state.installationFor(actor.app.id, repo))) throw new SimHttpError(404, 'Not Found');
    return;
  }
  if (access.kind === 'user') {
    if (actor.kind === 'anonymous') throw new SimHttpError(401, 'Requires authentication');
    if (actor.kind !== 'user') throw new SimHttpError(403, 'Resource not accessible by integration');
    return;
  }
  if (!repo) throw new SimHttpError(404, 'Not Found');
  if (actor.kind === 'app') throw new SimHttpError(403, 'Resource not accessible by integration');
  if (!canSee(state, actor, repo)) throw new SimHttpError(404, 'Not Found');
  if (actor.kind === 'anonymous') {
    if (access.level === 'read' && !access.appsOnly) return;
    throw new SimHttpError(401, 'Requires authentication');
  }
  if (actor.kind === 'user') {
    if (access.appsOnly && access.level !== 'read') throw new SimHttpError(403, 'You must authenticate via a GitHub App.');
    const role = roleOf(repo, actor.user);
    if (access.level === 'read') return;
    // canSee passed: on a public repository everyone has at least read.
    if (access.userRole && ROLE_RANK[role ?? 'read'] >= ROLE_RANK[access.userRole]) return;
    if (!allows(role ? ROLE_LEVEL[role] : undefined, access.level)) {
      throw new SimHttpError(403, access.level === 'admin' ? 'Must have admin rights to Repository.' : 'Must have push access to repository');
    }
    return;
  }
  if (!tokenCovers(state, actor.token, repo) && access.level !== 'read') {
    throw new SimHttpError(403, 'Resource not accessible by integration');
  }
  const granted = access.permissions.some((p) => allows(actor.token.permissions[p], access.level));
  const metadataOnly = access.permissions.includes('metadata') && access.level === 'read';
  if (!granted && !metadataOnly) throw new SimHttpError(403, 'Resource not accessible by integration');
}

/**
 * Organisation operations. Organisation roles are not modelled, so only an installation on
 * the organisation (or, for `app-org`, the App's JWT) may call them; a user gets 403.
 */
function authorizeOrg(state: SimState, access: Extract<Access, { kind: 'app-org' | 'org' }>, actor: Actor, org: string | undefined): void {
  const account = org ? state.users.find(org) : undefined;
  if (access.kind === 'app-org') {
    if (actor.kind !== 'app') throw new SimHttpError(401, 'A JSON web token could not be decoded');
    if (!account || account.type !== 'Organization' || !state.installationOn(actor.app.id, account)) throw new SimHttpError(404, 'Not Found');
    return;
  }
  if (actor.kind === 'anonymous') throw new SimHttpError(401, 'Requires authentication');
  if (!account || account.type !== 'Organization') throw new SimHttpError(404, 'Not Found');
  if (actor.kind === 'app') throw new SimHttpError(403, 'Resource not accessible by integration');
  if (actor.kind === 'user') throw new SimHttpError(403, 'Must have admin rights to Organization.');
  const installation = state.installations.get(actor.token.installationId);
  if (!installation || installation.account.id !== account.id || !allows(actor.token.permissions[access.permission], access.level)) {
    throw new SimHttpError(403, 'Resource not accessible by integration');
  }
}
