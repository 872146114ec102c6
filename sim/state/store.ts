/** Everything the simulator holds, across domains. */
import type { JitRunner } from './actions.ts';
import type { Installation, InstallationToken, ManifestConversion, SimApp } from './apps.ts';
import type { RepoState } from './repos.ts';
import type { RunnerGroup } from './settings.ts';
import { Users, type SimUser } from './users.ts';
import { IdSource } from './ids.ts';

export class SimState {
  readonly ids = new IdSource();
  readonly users = new Users(this.ids);
  /** Lower-case `owner/name` to repository. */
  readonly repos = new Map<string, RepoState>();
  readonly apps = new Map<number, SimApp>();
  readonly installations = new Map<number, Installation>();
  readonly installationTokens = new Map<string, InstallationToken>();
  /** Manifest-flow codes not yet traded for the App's credentials. */
  readonly manifestConversions = new Map<string, ManifestConversion>();
  /** Lower-case organisation login to its organisation-level runners. */
  readonly orgRunners = new Map<string, JitRunner[]>();

  /** Lower-case organisation login to its self-hosted runner groups (beyond the default one). */
  readonly runnerGroups = new Map<string, RunnerGroup[]>();

  repo(fullName: string): RepoState | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  repoById(id: number): RepoState | undefined {
    return [...this.repos.values()].find((r) => r.id === id);
  }

  /** The installation of `appId` that covers `repo`, if the App is installed there. */
  installationFor(appId: number, repo: RepoState): Installation | undefined {
    return [...this.installations.values()].find((i) => i.appId === appId && covers(i, repo));
  }

  /** The installation of `appId` on the account itself (an organisation or a user). */
  installationOn(appId: number, account: SimUser): Installation | undefined {
    return [...this.installations.values()].find((i) => i.appId === appId && i.account.id === account.id);
  }

  runnerGroupsOf(org: string): RunnerGroup[] {
    const key = org.toLowerCase();
    if (!this.runnerGroups.has(key)) this.runnerGroups.set(key, []);
    return this.runnerGroups.get(key)!;
  }

  runnersOf(org: string): JitRunner[] {
    const key = org.toLowerCase();
    if (!this.orgRunners.has(key)) this.orgRunners.set(key, []);
    return this.orgRunners.get(key)!;
  }
}

export function covers(installation: Installation, repo: RepoState): boolean {
  if (installation.account.id !== repo.owner.id) return false;
  return installation.repositories === 'all' || installation.repositories.some((r) => r.toLowerCase() === repo.fullName.toLowerCase());
}
