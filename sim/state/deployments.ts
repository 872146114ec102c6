/**
 * Environments, deployments and their statuses, and the reviews GitHub Apps give to
 * custom deployment protection rules (`POST …/actions/runs/{run_id}/deployment_protection_rule`).
 */
import type { SimUser } from './users.ts';

export interface Environment {
  id: number;
  name: string;
  /** App ids of custom deployment protection rules on this environment. */
  protectionApps: number[];
  createdAt: string;
  updatedAt: string;
}

export interface DeploymentStatus {
  id: number;
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
  description: string;
  environmentUrl: string;
  logUrl: string;
  creator: SimUser;
  createdAt: string;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  payload: Record<string, unknown> | string;
  description: string | null;
  creator: SimUser;
  createdAt: string;
  statuses: DeploymentStatus[];
  /** The workflow run whose job waits on this deployment, when there is one. */
  runId: number | null;
}

export interface ProtectionRuleReview {
  runId: number;
  environment: string;
  /** Absent for a status note (a comment without a decision). */
  state: 'approved' | 'rejected' | undefined;
  comment: string | undefined;
  appId: number;
  at: string;
}
