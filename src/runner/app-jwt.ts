/**
 * The JSON Web Token a GitHub App signs (RS256) to ask for installation tokens.
 * Issued 60 s in the past against clock drift, valid 9 minutes (GitHub allows 10).
 */
import { createPrivateKey, createSign } from 'node:crypto';
import { UsageError } from '../errors.ts';

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export function createAppJwt(options: { appId: string; privateKeyPem: string; now: Date }): string {
  let key;
  try {
    key = createPrivateKey(options.privateKeyPem);
  } catch (error) {
    throw new UsageError(`the GitHub App private key cannot be read (${(error as Error).message.split('\n')[0]}); expected the PEM file GitHub generated for the App`);
  }
  const seconds = Math.floor(options.now.getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ iat: seconds - 60, exp: seconds + 540, iss: options.appId }));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}
