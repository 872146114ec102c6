import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAppJwt } from '../../src/runner/app-jwt.ts';
import type { GitHubRequest } from '../../src/runner/github-request.ts';
import { mintJitConfig, RunnerRegistrationError, type JitRequest } from '../../src/runner/jit.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

interface Call {
  route: string;
  params: Record<string, unknown>;
}

/** A GitHub API double: answers by route, records every call. */
function githubDouble(answers: Record<string, { status: number; data: unknown } | { fail: number }>): { request: GitHubRequest; calls: Call[] } {
  const calls: Call[] = [];
  const request: GitHubRequest = async (route, params = {}) => {
    calls.push({ route, params });
    const answer = answers[route];
    if (!answer) throw Object.assign(new Error(`unexpected ${route}`), { status: 500 });
    if ('fail' in answer) throw Object.assign(new Error(`HTTP ${answer.fail}`), { status: answer.fail });
    return answer;
  };
  return { request, calls };
}

const JIT: JitRequest = { scope: { kind: 'repo', owner: 'acme', repo: 'models' }, name: 'gpu-a100-1', labels: ['self-hosted', 'gpu'], runnerGroupId: 1, workFolder: '_work' };
const OK = {
  'GET /repos/{owner}/{repo}/installation': { status: 200, data: { id: 4242 } },
  'POST /app/installations/{installation_id}/access_tokens': { status: 201, data: { token: 'ghs_installation' } },
  'POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig': { status: 201, data: { runner: { id: 23, name: 'gpu-a100-1' }, encoded_jit_config: 'ZW5jb2RlZA==' } },
};

describe('the GitHub App JWT', () => {
  it('is RS256-signed by the App key, issued a minute back, valid nine minutes', () => {
    const jwt = createAppJwt({ appId: '123', privateKeyPem: PEM, now: new Date('2026-01-01T00:00:00Z') });
    const [header, payload, signature] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
    const t = Date.parse('2026-01-01T00:00:00Z') / 1000;
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({ iat: t - 60, exp: t + 540, iss: '123' });
    const verified = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(createPublicKey(PEM), Buffer.from(signature!, 'base64url'));
    expect(verified).toBe(true);
  });

  it('names a key that is not a PEM in one line', () => {
    expect(() => createAppJwt({ appId: '1', privateKeyPem: 'not a key', now: new Date() })).toThrow(/^the GitHub App private key cannot be read .*expected the PEM file/);
  });
});

describe('minting a just-in-time runner config', () => {
  it('goes App JWT -> installation -> installation token -> generate-jitconfig, never a personal token', async () => {
    const { request, calls } = githubDouble(OK);
    const config = await mintJitConfig({ request, appJwt: 'app.jwt.sig', jit: JIT });
    expect(config).toEqual({ runnerId: 23, runnerName: 'gpu-a100-1', encodedJitConfig: 'ZW5jb2RlZA==' });
    expect(calls).toEqual([
      { route: 'GET /repos/{owner}/{repo}/installation', params: { owner: 'acme', repo: 'models', headers: { authorization: 'bearer app.jwt.sig' } } },
      { route: 'POST /app/installations/{installation_id}/access_tokens', params: { installation_id: 4242, headers: { authorization: 'bearer app.jwt.sig' } } },
      {
        route: 'POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig',
        params: { owner: 'acme', repo: 'models', name: 'gpu-a100-1', runner_group_id: 1, labels: ['self-hosted', 'gpu'], work_folder: '_work', headers: { authorization: 'token ghs_installation' } },
      },
    ]);
  });

  it('registers on an organisation', async () => {
    const { request, calls } = githubDouble({
      'GET /orgs/{org}/installation': { status: 200, data: { id: 7 } },
      'POST /app/installations/{installation_id}/access_tokens': OK['POST /app/installations/{installation_id}/access_tokens'],
      'POST /orgs/{org}/actions/runners/generate-jitconfig': OK['POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig'],
    });
    await mintJitConfig({ request, appJwt: 'j', jit: { ...JIT, scope: { kind: 'org', org: 'acme' }, runnerGroupId: 3 } });
    expect(calls.map((call) => call.route)).toEqual(['GET /orgs/{org}/installation', 'POST /app/installations/{installation_id}/access_tokens', 'POST /orgs/{org}/actions/runners/generate-jitconfig']);
    expect(calls[2]!.params).toMatchObject({ org: 'acme', runner_group_id: 3 });
  });

  it.each([
    ['GET /repos/{owner}/{repo}/installation', 404, /the App is not installed on acme\/models/],
    ['GET /repos/{owner}/{repo}/installation', 401, /GitHub rejected the JWT/],
    ['POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig', 403, /"Administration: read and write" repository permission/],
    ['POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig', 409, /a runner named "gpu-a100-1" already exists/],
  ])('explains %s failing with HTTP %i', async (route, status, message) => {
    const { request } = githubDouble({ ...OK, [route]: { fail: status } });
    const failure = mintJitConfig({ request, appJwt: 'j', jit: JIT });
    await expect(failure).rejects.toThrow(RunnerRegistrationError);
    await expect(failure).rejects.toThrow(message);
  });
});
