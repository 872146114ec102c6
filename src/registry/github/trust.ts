/**
 * Which registry entries trainyard believes on GitHub. A version counts only when GitHub
 * attests that trainyard's trusted path made it, never because its model card says so:
 *
 * - the release's author, which GitHub records from the token that created it, is
 *   trainyard's App (`<slug>[bot]`); or
 * - the author is `github-actions[bot]` and the run the card names is, by the Actions
 *   API, a run of the release workflow (its file path) on the release branch, started by
 *   a push or a manual dispatch, in this repository, on the card's commit, not yet failed,
 *   and running when the release was created. `github-actions[bot]` alone proves nothing:
 *   a workflow pushed on any branch acts as it. One run vouches for one version of a
 *   model; two versions naming the same run are both refused.
 *
 * Either way the version's tag must point at the card's commit, and that commit must be
 * on the release branch (the compare API says the branch contains it).
 */
import { commitOfTag } from './promotions.ts';
import { statusOf } from '../../errors.ts';
import { call, type RepoContext } from './client.ts';
import type { ReleaseInfo } from './releases.ts';
import type { ModelCard } from '../types.ts';

export const ACTIONS_BOT = 'github-actions[bot]';

export interface TrustPolicy {
  /** The login of trainyard's App bot, `<slug>[bot]`. */
  appBot: string;
  /** Path of the release workflow in the repository, `.github/workflows/trainyard-release.yml`. */
  releaseWorkflow: string;
  /** The branch releases come from; the repository's default branch when null. */
  releaseBranch: string | null;
}

/** The App's slug, from its bot's login. */
export const appSlugOf = (policy: TrustPolicy): string => policy.appBot.replace(/\[bot\]$/, '');

export interface Refusal {
  tag: string;
  reason: string;
}

/** A release as trust reads it: who made it, and when. */
export interface AttestedRelease {
  release: ReleaseInfo & { author?: { login: string } | null };
  card: ModelCard;
}

const RELEASE_EVENTS = new Set(['push', 'workflow_dispatch']);

/** The run id in a card's run URL, when it names a run of this repository. */
export function runIdOf(context: RepoContext, runUrl: string | null): number | null {
  if (!runUrl) return null;
  const match = /^https:\/\/[^/]+\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(runUrl);
  if (!match || match[1]!.toLowerCase() !== context.owner.toLowerCase() || match[2]!.toLowerCase() !== context.repo.toLowerCase()) return null;
  return Number(match[3]);
}

export class TrustReader {
  private branch: string | null;
  private readonly onBranch = new Map<string, boolean>();

  constructor(private readonly context: RepoContext, private readonly policy: TrustPolicy) {
    this.branch = policy.releaseBranch;
  }

  async releaseBranch(): Promise<string> {
    if (this.branch === null) {
      const { data } = await call(this.context, 'reading the repository', () => this.context.octokit.rest.repos.get({ owner: this.context.owner, repo: this.context.repo }));
      this.branch = data.default_branch;
    }
    return this.branch;
  }

  /** True when the release branch contains `commit`. */
  async isOnReleaseBranch(commit: string): Promise<boolean> {
    const known = this.onBranch.get(commit);
    if (known !== undefined) return known;
    const branch = await this.releaseBranch();
    let contained: boolean;
    try {
      const { data } = await this.context.octokit.rest.repos.compareCommitsWithBasehead({ owner: this.context.owner, repo: this.context.repo, basehead: `${commit}...${branch}`, per_page: 1 });
      contained = data.status === 'identical' || data.status === 'ahead';
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      contained = false;
    }
    this.onBranch.set(commit, contained);
    return contained;
  }

  /** Why the release made by GitHub Actions is not the release workflow's, or null when it is. */
  private async actionsRunProblem(found: AttestedRelease): Promise<string | null> {
    const runId = runIdOf(this.context, found.card.runUrl);
    if (runId === null) return `it was made by ${ACTIONS_BOT} and its card names no run of ${this.context.owner}/${this.context.repo}`;
    let run;
    try {
      run = (await this.context.octokit.rest.actions.getWorkflowRun({ owner: this.context.owner, repo: this.context.repo, run_id: runId })).data;
    } catch (error) {
      if (statusOf(error) === 404) return `the run ${runId} its card names does not exist`;
      throw error;
    }
    const branch = await this.releaseBranch();
    if (run.path.replace(/@.*$/, '') !== this.policy.releaseWorkflow) return `run ${runId} is of ${run.path}, not the release workflow ${this.policy.releaseWorkflow}`;
    if (run.head_branch !== branch) return `run ${runId} ran on ${run.head_branch ?? 'no branch'}, not the release branch ${branch}`;
    if (!RELEASE_EVENTS.has(run.event)) return `run ${runId} was started by ${run.event}, not by a push or a dispatch`;
    if (run.head_repository?.full_name && run.head_repository.full_name.toLowerCase() !== `${this.context.owner}/${this.context.repo}`.toLowerCase()) return `run ${runId} ran code of ${run.head_repository.full_name}`;
    if (run.head_sha !== found.card.commit) return `run ${runId} ran ${run.head_sha.slice(0, 7)}, not the card's commit`;
    if (run.status === 'completed' && run.conclusion !== 'success') return `run ${runId} concluded ${run.conclusion ?? 'without a conclusion'}`;
    const created = Date.parse(found.release.created_at);
    const started = Date.parse(run.run_started_at ?? run.created_at);
    if (created < started) return `the release was created before run ${runId} started`;
    if (run.status === 'completed' && created > Date.parse(run.updated_at)) return `the release was created after run ${runId} ended`;
    return null;
  }

  /** Why a release cannot be believed, or null when GitHub attests trainyard made it. */
  async problem(found: AttestedRelease): Promise<string | null> {
    const author = found.release.author?.login ?? null;
    const commit = found.card.commit;
    if (!commit) return 'its card names no commit';
    if (author === null) return 'GitHub reports no author for its release';
    if (author.toLowerCase() !== this.policy.appBot.toLowerCase()) {
      if (author.toLowerCase() !== ACTIONS_BOT) return `its release was made by ${author}, not by trainyard's App (${this.policy.appBot}) or the release workflow`;
      const why = await this.actionsRunProblem(found);
      if (why) return why;
    }
    const tagged = await commitOfTag(this.context, found.release.tag_name).catch((error: unknown) => {
      if (statusOf(error) === 404) return null;
      throw error;
    });
    if (tagged !== commit) return `its tag points at ${tagged?.slice(0, 7) ?? 'nothing'}, not the card's commit ${commit.slice(0, 7)}`;
    if (!(await this.isOnReleaseBranch(commit))) return `its commit ${commit.slice(0, 7)} is not on the release branch ${await this.releaseBranch()}`;
    return null;
  }

  /** The releases GitHub attests, and the others with the reason; one run vouches for one version. */
  async sift<T extends AttestedRelease>(releases: T[]): Promise<{ trusted: T[]; refused: Refusal[] }> {
    const refused: Refusal[] = [];
    const passed: T[] = [];
    for (const found of releases) {
      const reason = await this.problem(found);
      if (reason) refused.push({ tag: found.release.tag_name, reason });
      else passed.push(found);
    }
    const byRun = new Map<number, number>();
    for (const found of passed) {
      if (found.release.author?.login.toLowerCase() !== ACTIONS_BOT) continue;
      const run = runIdOf(this.context, found.card.runUrl)!;
      byRun.set(run, (byRun.get(run) ?? 0) + 1);
    }
    const trusted = passed.filter((found) => {
      if (found.release.author?.login.toLowerCase() !== ACTIONS_BOT) return true;
      const run = runIdOf(this.context, found.card.runUrl)!;
      if ((byRun.get(run) ?? 0) < 2) return true;
      refused.push({ tag: found.release.tag_name, reason: `several releases name run ${run}, which registers one version` });
      return false;
    });
    return { trusted, refused };
  }
}
