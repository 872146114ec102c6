/**
 * What the App left on the simulated GitHub, as the sandbox judges it: every object the
 * App must create at most once, keyed so that a duplicate counts above 1, and a
 * fingerprint of everything a redelivery must leave alone.
 */
import type { Simulator } from '../../sim/index.ts';

export const BOT = 'trainyard[bot]';

export function createdObjects(sim: Simulator, repoName: string): Map<string, number> {
  const repo = sim.state.repo(repoName)!;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const c of repo.comments) if (c.user.login === BOT) add(`comment #${c.issueNumber} ${c.body.split('\n')[0]!.slice(0, 80)}`);
  // A record's attestation is one check per record (its external id), several per commit.
  for (const c of repo.checkRuns) add(c.name === 'trainyard / record' ? `check ${c.name} ${c.externalId ?? ''}` : `check ${c.name} @${c.headSha}`);
  for (const r of repo.protectionReviews) add(`gate answer ${JSON.stringify(r)}`);
  for (const p of repo.pulls) add(`pull ${p.head.repo}:${p.head.ref}`);
  for (const r of repo.runs) if (r.event === 'workflow_dispatch') add(`dispatch ${r.headBranch} ${JSON.stringify(r.inputs)}`);
  for (const r of repo.releases) add(`release ${r.tagName}`);
  return counts;
}

/** Objects beyond the first of each key. */
export function duplicatesIn(counts: Map<string, number>): number {
  let extra = 0;
  for (const n of counts.values()) extra += Math.max(0, n - 1);
  return extra;
}

/** Everything the App writes, one string per kind: equal before and after a redelivery when it changed nothing. */
export function fingerprint(sim: Simulator, repoName: string): Record<string, string> {
  const repo = sim.state.repo(repoName)!;
  const parts: Record<string, unknown> = {
    comments: repo.comments.map((c) => [c.id, c.issueNumber, c.user.login, c.body]),
    checks: repo.checkRuns.map((c) => [c.id, c.name, c.headSha, c.conclusion, c.output.title, c.output.summary]),
    reviews: repo.protectionReviews,
    pulls: repo.pulls.map((p) => [p.number, p.head.ref, p.title, p.body, p.state]),
    labels: [...repo.issueLabels.entries()],
    runs: repo.runs.map((r) => [r.id, r.event, r.headBranch, r.inputs]),
    releases: repo.releases.map((r) => [r.id, r.tagName, r.body]),
    refs: [...repo.git.refs.entries()].sort(),
  };
  return Object.fromEntries(Object.entries(parts).map(([kind, value]) => [kind, JSON.stringify(value)]));
}

/** The kinds of object that differ between two fingerprints. */
export function changedKinds(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((kind) => before[kind] !== after[kind]);
}
