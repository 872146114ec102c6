/** Workflow runs, their artifacts (real zip files), and just-in-time runners. */

export interface ArtifactFile {
  path: string;
  content: Buffer | string;
}

export interface Artifact {
  id: number;
  runId: number;
  name: string;
  /** The zip archive GitHub serves for the artifact. */
  zip: Buffer;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export interface WorkflowRun {
  id: number;
  runNumber: number;
  /** Workflow file path, `.github/workflows/<file>`. */
  path: string;
  workflowId: number;
  name: string;
  event: string;
  status: RunStatus;
  conclusion: string | null;
  headBranch: string | null;
  headSha: string;
  /** `owner/name` of the head repository (a fork for fork PR runs). */
  headRepo: string;
  actorLogin: string;
  inputs: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface Workflow {
  id: number;
  path: string;
  name: string;
  createdAt: string;
}

export interface JitRunner {
  id: number;
  name: string;
  labels: string[];
  runnerGroupId: number;
  encodedJitConfig: string;
}
