/** `trainyard runner jitconfig` against the simulator: App JWT -> installation -> token -> JIT config. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();
// Two App keys for the whole file: generating an RSA key per App would dominate its run time.
const [KEY, OTHER_KEY] = [0, 1].map(() => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()) as [string, string];

function appEnv(app: { id: number; privateKey: string }): Record<string, string | undefined> {
  return { PATH: process.env.PATH, GITHUB_API_URL: sim().url, GITHUB_APP_ID: String(app.id), GITHUB_APP_PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n') };
}

const jit = (env: Record<string, string | undefined>, ...args: string[]) => runCli(['runner', 'jitconfig', '--json', ...args], { env, now: sim().clock.now() });

describe('trainyard runner jitconfig against GitHub (the simulator)', () => {
  it('mints a one-job runner config for a repository with the App, no personal token', async () => {
    const app = sim().seed.app({ slug: 'trainyard', privateKey: KEY });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' } });
    sim().seed.installation({ appId: app.id, account: 'acme' });
    const result = await jit(appEnv(app), '--repo', 'acme/models', '--name', 'gpu-1', '--labels', 'self-hosted,gpu,a100');
    expect(result.code, result.stderr).toBe(0);
    const config = JSON.parse(result.stdout) as { runnerId: number; runnerName: string; encodedJitConfig: string };
    const runner = sim().state.repo('acme/models')!.runners[0]!;
    expect(config).toEqual({ runnerId: runner.id, runnerName: 'gpu-1', encodedJitConfig: runner.encodedJitConfig });
    expect(runner.labels).toEqual(['self-hosted', 'gpu', 'a100']);
    const files = JSON.parse(Buffer.from(config.encodedJitConfig, 'base64').toString()) as Record<string, string>;
    expect(JSON.parse(Buffer.from(files['.runner']!, 'base64').toString())).toMatchObject({ agentName: 'gpu-1', ephemeral: true, workFolder: '_work' });
    expect(result.stderr).toBe(`trainyard: runner gpu-1 (id ${runner.id}) registered just in time with labels self-hosted,gpu,a100\n`);
  });

  it('says to install the App when it is not installed on the repository (404)', async () => {
    const app = sim().seed.app({ slug: 'trainyard', privateKey: KEY });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' } });
    const result = await jit(appEnv(app), '--repo', 'acme/models', '--name', 'gpu-1');
    expect([result.code, result.stderr]).toEqual([2, "trainyard: finding the App's installation on acme/models failed (HTTP 404): the App is not installed on acme/models; install it there\n"]);
  });

  it('says the key is wrong when GitHub rejects the JWT (401)', async () => {
    const app = sim().seed.app({ slug: 'trainyard', privateKey: KEY });
    const other = sim().seed.app({ slug: 'other', privateKey: OTHER_KEY });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' } });
    sim().seed.installation({ appId: app.id, account: 'acme' });
    const result = await jit({ ...appEnv(other), GITHUB_APP_ID: String(app.id) }, '--repo', 'acme/models', '--name', 'gpu-1');
    expect([result.code, result.stderr]).toEqual([2, "trainyard: finding the App's installation on acme/models failed (HTTP 401): the App id or private key is wrong (GitHub rejected the JWT)\n"]);
  });

  it('names the missing Administration permission (403) and a taken runner name (409)', async () => {
    const app = sim().seed.app({ slug: 'trainyard', privateKey: KEY, permissions: { metadata: 'read', contents: 'read' } });
    sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' } });
    sim().seed.installation({ appId: app.id, account: 'acme' });
    const refused = await jit(appEnv(app), '--repo', 'acme/models', '--name', 'gpu-1');
    expect([refused.code, refused.stderr]).toEqual([2, 'trainyard: generating a JIT runner config for acme/models failed (HTTP 403): the App needs the "Administration: read and write" repository permission\n']);

    const admin = sim().seed.app({ slug: 'admin', privateKey: KEY });
    sim().seed.installation({ appId: admin.id, account: 'acme' });
    expect((await jit(appEnv(admin), '--repo', 'acme/models', '--name', 'gpu-1')).code).toBe(0);
    const taken = await jit(appEnv(admin), '--repo', 'acme/models', '--name', 'gpu-1');
    expect([taken.code, taken.stderr]).toEqual([2, 'trainyard: generating a JIT runner config for acme/models failed (HTTP 409): a runner named "gpu-1" already exists; choose another --name\n']);
  });

  it('mints an organisation runner config with the "Self-hosted runners" organisation permission', async () => {
    sim().seed.user({ login: 'acme', type: 'Organization' });
    const app = sim().seed.app({ slug: 'trainyard', privateKey: KEY });
    sim().seed.installation({ appId: app.id, account: 'acme' });
    const result = await jit(appEnv(app), '--org', 'acme', '--name', 'gpu-org-1', '--runner-group-id', '3');
    expect(result.code, result.stderr).toBe(0);
    const runner = sim().state.runnersOf('acme')[0]!;
    expect(JSON.parse(result.stdout)).toEqual({ runnerId: runner.id, runnerName: 'gpu-org-1', encodedJitConfig: runner.encodedJitConfig });
    expect([runner.labels, runner.runnerGroupId]).toEqual([['self-hosted', 'gpu'], 3]);

    const narrow = sim().seed.app({ slug: 'narrow', privateKey: KEY, permissions: { metadata: 'read', administration: 'write' } });
    sim().seed.installation({ appId: narrow.id, account: 'acme' });
    const refused = await jit(appEnv(narrow), '--org', 'acme', '--name', 'gpu-org-2');
    expect([refused.code, refused.stderr]).toEqual([2, 'trainyard: generating a JIT runner config for the organisation acme failed (HTTP 403): the App needs the "Self-hosted runners: read and write" organisation permission\n']);
    const elsewhere = await jit(appEnv(app), '--org', 'other-org', '--name', 'gpu-org-3');
    expect([elsewhere.code, elsewhere.stderr]).toEqual([2, "trainyard: finding the App's installation on the organisation other-org failed (HTTP 404): the App is not installed on the organisation other-org; install it there\n"]);
  });
});
