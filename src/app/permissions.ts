/** Whether a user may steer the App (retrain, compare): write access or more. */
import type { Repo } from '../github/repo.ts';

export async function canWrite(repo: Repo, login: string): Promise<boolean> {
  try {
    const { data } = await repo.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username: login });
    return ['admin', 'write'].includes(data.permission) || ['maintain', 'write', 'admin'].includes((data as { role_name?: string }).role_name ?? '');
  } catch {
    return false;
  }
}
