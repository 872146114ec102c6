import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

function client(token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: sim().url });
}

function seedRepo(options: { immutableReleases?: boolean } = {}) {
  const { token } = sim().seed.user({ login: 'alice' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': '# models\n' }, collaborators: { alice: 'write' }, ...options });
  return client(token);
}

describe('git data API', () => {
  it('creates a commit whose SHAs match git and moves a branch to it', async () => {
    const octokit = seedRepo();
    const owner = 'acme';
    const repo = 'models';
    const { data: main } = await octokit.git.getRef({ owner, repo, ref: 'heads/main' });
    const { data: base } = await octokit.git.getCommit({ owner, repo, commit_sha: main.object.sha });
    const { data: blob } = await octokit.git.createBlob({ owner, repo, content: 'hello\n', encoding: 'utf-8' });
    expect(blob.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const { data: tree } = await octokit.git.createTree({ owner, repo, base_tree: base.tree.sha, tree: [{ path: 'models/a/hello.txt', mode: '100644', type: 'blob', sha: blob.sha }] });
    const { data: commit } = await octokit.git.createCommit({
      owner,
      repo,
      message: 'Add hello\n',
      tree: tree.sha,
      parents: [main.object.sha],
      author: { name: 'Alice', email: 'alice@example.com', date: '2025-01-02T03:04:05Z' },
    });
    await octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: commit.sha });

    const dir = mkdtempSync(join(tmpdir(), 'sim-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'Alice', GIT_AUTHOR_EMAIL: 'alice@example.com', GIT_AUTHOR_DATE: '2025-01-02T03:04:05Z', GIT_COMMITTER_NAME: 'Alice', GIT_COMMITTER_EMAIL: 'alice@example.com', GIT_COMMITTER_DATE: '2025-01-02T03:04:05Z' } }).toString().trim();
    git('init', '-q');
    writeFileSync(join(dir, 'hello.txt'), 'hello\n');
    expect(git('hash-object', 'hello.txt')).toBe(blob.sha);

    const { data: file } = await octokit.repos.getContent({ owner, repo, path: 'models/a/hello.txt' });
    expect(Buffer.from((file as { content: string }).content, 'base64').toString()).toBe('hello\n');
    const { data: after } = await octokit.git.getRef({ owner, repo, ref: 'heads/main' });
    expect(after.object.sha).toBe(commit.sha);
  });

  it('gives one 201 and one 422 to concurrent creations of one tag ref', async () => {
    const octokit = seedRepo();
    const sha = sim().state.repo('acme/models')!.git.refs.get('refs/heads/main')!;
    const results = await Promise.allSettled([
      octokit.git.createRef({ owner: 'acme', repo: 'models', ref: 'refs/tags/churn#production#1', sha }),
      octokit.git.createRef({ owner: 'acme', repo: 'models', ref: 'refs/tags/churn#production#1', sha }),
    ]);
    const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : (r.reason as { status: number }).status)).sort();
    expect(statuses).toEqual([201, 422]);
  });

  it('creates annotated tags with the object id git computes', async () => {
    const octokit = seedRepo();
    const sha = sim().state.repo('acme/models')!.git.refs.get('refs/heads/main')!;
    const { data: tag } = await octokit.git.createTag({ owner: 'acme', repo: 'models', tag: 'churn@v1', message: 'promote\n', object: sha, type: 'commit', tagger: { name: 'Alice', email: 'alice@example.com', date: '2025-01-02T03:04:05Z' } });
    const body = `object ${sha}\ntype commit\ntag churn@v1\ntagger Alice <alice@example.com> 1735787045 +0000\n\npromote\n`;
    expect(tag.sha).toBe(createHash('sha1').update(`tag ${body.length}\0${body}`).digest('hex'));
    const { data: read } = await octokit.git.getTag({ owner: 'acme', repo: 'models', tag_sha: tag.sha });
    expect(read.object.sha).toBe(sha);
  });
});

describe('releases', () => {
  it('drafts, uploads an asset with a sha256 digest, publishes and downloads it', async () => {
    const octokit = seedRepo({ immutableReleases: true });
    const { data: draft } = await octokit.repos.createRelease({ owner: 'acme', repo: 'models', tag_name: 'churn@v1', draft: true, name: 'churn v1' });
    expect(draft.upload_url.startsWith(sim().uploadsUrl)).toBe(true);
    const data = Buffer.from('{"auc":0.91}');
    const { data: asset } = await octokit.repos.uploadReleaseAsset({
      owner: 'acme',
      repo: 'models',
      release_id: draft.id,
      name: 'metrics.json',
      data: data as unknown as string,
      baseUrl: sim().uploadsUrl,
      headers: { 'content-type': 'application/json', 'content-length': data.length },
    });
    expect(asset.digest).toBe(`sha256:${createHash('sha256').update(data).digest('hex')}`);
    const { data: published } = await octokit.repos.updateRelease({ owner: 'acme', repo: 'models', release_id: draft.id, draft: false });
    expect(published.draft).toBe(false);
    const { data: byTag } = await octokit.repos.getReleaseByTag({ owner: 'acme', repo: 'models', tag: 'churn@v1' });
    expect(byTag.assets.map((a) => a.name)).toEqual(['metrics.json']);
    const download = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', { owner: 'acme', repo: 'models', asset_id: asset.id, headers: { accept: 'application/octet-stream' } });
    expect(Buffer.from(download.data as unknown as ArrayBuffer).toString()).toBe('{"auc":0.91}');
  });

  it('refuses uploads to a published immutable release and never reuses its tag', async () => {
    const octokit = seedRepo({ immutableReleases: true });
    const { data: release } = await octokit.repos.createRelease({ owner: 'acme', repo: 'models', tag_name: 'churn@v2' });
    const upload = octokit.repos.uploadReleaseAsset({ owner: 'acme', repo: 'models', release_id: release.id, name: 'late.bin', data: 'x', baseUrl: sim().uploadsUrl, headers: { 'content-type': 'application/octet-stream' } });
    await expect(upload).rejects.toMatchObject({ status: 422 });
    await octokit.repos.deleteRelease({ owner: 'acme', repo: 'models', release_id: release.id });
    await expect(octokit.repos.createRelease({ owner: 'acme', repo: 'models', tag_name: 'churn@v2' })).rejects.toMatchObject({ status: 422 });
  });
});
