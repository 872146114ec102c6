/**
 * Uploads files as a workflow-run artifact (Actions' artifact service, through
 * @actions/artifact), so the App can find them by name. Only inside a workflow run.
 */
import { UsageError } from '../errors.ts';

export interface ArtifactUpload {
  name: string;
  files: string[];
  rootDirectory: string;
}

/** @throws UsageError outside GitHub Actions (no ACTIONS_RUNTIME_TOKEN). */
export async function uploadArtifact(upload: ArtifactUpload, env: Record<string, string | undefined>): Promise<number | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN) throw new UsageError(`--artifact ${upload.name}: artifacts can only be uploaded inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is not set)`);
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const response = await new DefaultArtifactClient().uploadArtifact(upload.name, upload.files, upload.rootDirectory);
  return response.id;
}
