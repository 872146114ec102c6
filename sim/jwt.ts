/**
 * Verifies GitHub App JWTs the way GitHub does: RS256 signed with the App's private key,
 * `iss` the App id (or client id), `iat` not in the future (60 s of clock drift allowed),
 * `exp` in the future and at most 10 minutes after `iat`.
 */
import { createSign, createVerify } from 'node:crypto';
import { SimHttpError } from './http-error.ts';
import type { SimApp } from './state/apps.ts';

interface JwtClaims {
  iss?: unknown;
  iat?: unknown;
  exp?: unknown;
}

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** True when the credential is shaped like a JWT (three base64url parts). */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

const UNDECODABLE = 'A JSON web token could not be decoded';

/** The App that signed `token`; throws GitHub's 401 answers otherwise. */
export function verifyAppJwt(token: string, findApp: (iss: string) => SimApp | undefined, nowMs: number): SimApp {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  let claims: JwtClaims;
  try {
    if (decodePart(header).alg !== 'RS256') throw new Error('alg');
    claims = decodePart(payload);
  } catch {
    throw new SimHttpError(401, UNDECODABLE);
  }
  const app = findApp(String(claims.iss));
  if (!app) throw new SimHttpError(401, `Integration not found`);
  const ok = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(app.publicKey, Buffer.from(signature, 'base64url'));
  if (!ok) throw new SimHttpError(401, UNDECODABLE);
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.iat !== 'number' || claims.iat > now + 60) {
    throw new SimHttpError(401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp - claims.iat > 600) {
    throw new SimHttpError(401, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
  }
  return app;
}

/** Signs an App JWT (RS256) as GitHub expects one: issued a minute ago, valid 9 more. */
export function signAppJwt(input: { appId: number | string; privateKey: string; nowMs: number }): string {
  const now = Math.floor(input.nowMs / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ iat: now - 60, exp: now + 540, iss: String(input.appId) })).toString('base64url');
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(input.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
