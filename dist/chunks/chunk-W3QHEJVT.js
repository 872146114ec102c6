#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  statusOf
} from "./chunk-BEL2JVQX.js";

// src/github/claims.ts
import { createHash } from "node:crypto";
function claimRef(key) {
  return `refs/trainyard/claims/${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}
var messageOf = (error) => String(error.response?.data?.message ?? error.message);
async function defaultHead(repo) {
  const { data } = await repo.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const { data: ref } = await repo.octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${data.default_branch}` });
  return ref.object.sha;
}
async function claimOnce(repo, key, sha) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key), sha: attempt === 0 ? sha : await defaultHead(repo) });
      return true;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      if (/already exists/i.test(messageOf(error))) return false;
      if (attempt === 1) throw error;
    }
  }
  return false;
}
async function releaseClaim(repo, key) {
  await repo.octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: claimRef(key).replace(/^refs\//, "") });
}
async function createClaimed(repo, key, sha, create, exists) {
  if (!await claimOnce(repo, key, sha)) return null;
  try {
    return await create();
  } catch (error) {
    const made = await exists().catch(() => true);
    if (!made) await releaseClaim(repo, key).catch(() => void 0);
    throw error;
  }
}
async function awaitObject(find, tries = 10, delayMs = 100) {
  for (let i = 0; i < tries; i++) {
    const found = await find();
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return null;
}
var LEASE_LINE = /^trainyard lease until (\S+)$/m;
async function leaseCommit(repo, key, sha, until) {
  let tree;
  try {
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha })).data.tree.sha;
  } catch (error) {
    if (statusOf(error) !== 404 && statusOf(error) !== 422) throw error;
    const head = await defaultHead(repo);
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: head })).data.tree.sha;
  }
  const { data } = await repo.octokit.rest.git.createCommit({ owner: repo.owner, repo: repo.repo, message: `trainyard lease until ${until.toISOString()}

${key}
`, tree, parents: [] });
  return data.sha;
}
var generationOf = (base, ref) => ref === base ? 1 : Number(ref.slice(base.length + 2));
async function takeLease(repo, key, sha, leaseMs, now) {
  const base = claimRef(key);
  const { data: refs } = await repo.octokit.rest.git.listMatchingRefs({ owner: repo.owner, repo: repo.repo, ref: base.replace(/^refs\//, "") });
  const generations = refs.filter((r) => r.ref === base || new RegExp(`^${base}-g\\d+$`).test(r.ref)).sort((a, b) => generationOf(base, b.ref) - generationOf(base, a.ref));
  const newest = generations[0];
  let next = 1;
  if (newest) {
    const { data: commit } = await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: newest.object.sha });
    const until = LEASE_LINE.exec(commit.message)?.[1];
    if (!until || Date.parse(until) > now().getTime()) return null;
    next = generationOf(base, newest.ref) + 1;
  }
  const ref = next === 1 ? base : `${base}-g${next}`;
  const target = await leaseCommit(repo, key, sha, new Date(now().getTime() + leaseMs));
  try {
    await repo.octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref, sha: target });
    return { key, ref };
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(messageOf(error))) return null;
    throw error;
  }
}
async function releaseLease(repo, lease) {
  await repo.octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: lease.ref.replace(/^refs\//, "") });
}
var DONE_LINE = /^trainyard done: (.+)$/m;
async function completeLease(repo, lease, sha, outcome) {
  let tree;
  try {
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha })).data.tree.sha;
  } catch (error) {
    if (statusOf(error) !== 404 && statusOf(error) !== 422) throw error;
    tree = (await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: await defaultHead(repo) })).data.tree.sha;
  }
  const { data } = await repo.octokit.rest.git.createCommit({ owner: repo.owner, repo: repo.repo, message: `trainyard done: ${outcome}

${lease.key}
`, tree, parents: [] });
  await repo.octokit.rest.git.updateRef({ owner: repo.owner, repo: repo.repo, ref: lease.ref.replace(/^refs\//, ""), sha: data.sha, force: true });
}
async function leaseOutcome(repo, key) {
  const base = claimRef(key);
  const { data: refs } = await repo.octokit.rest.git.listMatchingRefs({ owner: repo.owner, repo: repo.repo, ref: base.replace(/^refs\//, "") });
  for (const ref of refs.filter((r) => r.ref === base || new RegExp(`^${base}-g\\d+$`).test(r.ref))) {
    const { data: commit } = await repo.octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: ref.object.sha });
    const done = DONE_LINE.exec(commit.message)?.[1];
    if (done) return done;
  }
  return null;
}

export {
  claimRef,
  claimOnce,
  createClaimed,
  awaitObject,
  takeLease,
  releaseLease,
  completeLease,
  leaseOutcome
};
