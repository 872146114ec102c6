/** Check runs with their output, annotations and requested-action buttons. */

export type CheckStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number | null;
  end_column?: number | null;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string | null;
  raw_details?: string | null;
}

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRun {
  id: number;
  appId: number;
  name: string;
  headSha: string;
  status: CheckStatus;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  externalId: string;
  detailsUrl: string;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: CheckAnnotation[];
  actions: CheckAction[];
}

/** GitHub's limits: 50 annotations per request, 3 actions, 65,535 characters of text. */
export const CHECK_LIMITS = { annotationsPerRequest: 50, actions: 3, outputText: 65_535 } as const;
