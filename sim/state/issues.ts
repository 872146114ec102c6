/** Issues, issue comments and labels (pull requests are issues for comments and labels). */
import type { SimUser } from './users.ts';

/** An issue that is not a pull request; it shares the repository's number sequence with them. */
export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: SimUser;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface IssueComment {
  id: number;
  issueNumber: number;
  body: string;
  user: SimUser;
  createdAt: string;
  updatedAt: string;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536;
