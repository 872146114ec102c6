/**
 * Whether a user may steer the App (retrain, compare): write access or more. Only
 * GitHub's answer decides: a user it does not know (404) has no access, but a rate
 * limit, a server error or a dropped connection is not an answer, so it is thrown and
 * the delivery fails; GitHub's redelivery (or the App's retry) asks again, and no
 * refusal is claimed or posted on an error.
 */
import type { Repo } from '../github/repo.ts';
import { statusOf } from '../errors.ts';

export async function canWrite(repo: Repo, login: string): Promise<boolean> {
  try {
    const { data } = await repo.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username: login });
    return ['admin', 'write'].includes(data.permission) || ['maintain', 'write', 'admin'].includes((data as { role_name?: string }).role_name ?? '');
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
