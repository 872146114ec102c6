/** Everything the simulator holds, across domains. */
import type { Installation, InstallationToken, SimApp } from './apps.ts';
import type { RepoState } from './repos.ts';
import { Users } from './users.ts';
import { IdSource } from './ids.ts';

export class SimState {
  readonly ids = new IdSource();
  readonly users = new Users(this.ids);
  /** Lower-case `owner/name` to repository. */
  readonly repos = new Map<string, RepoState>();
  readonly apps = new Map<number, SimApp>();
  readonly installations = new Map<number, Installation>();
  readonly installationTokens = new Map<string, InstallationToken>();

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
}

export function covers(installation: Installation, repo: RepoState): boolean {
  if (installation.account.id !== repo.owner.id) return false;
  return installation.repositories === 'all' || installation.repositories.some((r) => r.toLowerCase() === repo.fullName.toLowerCase());
}
