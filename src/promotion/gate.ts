/**
 * The promotion gate: every fact in, approve or reject out, with the reasons. It fails
 * closed: a fact that could not be gathered (null, or a problem recorded while
 * gathering) rejects, as does any fact that does not pass.
 */
import type { Comparison } from '../metrics/compare.ts';
import { countApprovals, type ApprovalInput } from './approvals.ts';

/** GitHub's limit on the comment of a deployment protection rule answer. */
export const GATE_COMMENT_LIMIT = 1024;

export interface GateFacts {
  model: string | null;
  version: number | null;
  environment: string;
  comparison: Comparison | null;
  /** The pull request behind the deployed commit, with its reviews and reviewers' access. */
  review: ApprovalInput | null;
  pullRequest: number | null;
  requiredApprovals: number;
  validation: { passed: boolean; detail: string } | null;
  /** Facts that could not be gathered (API errors, missing assets, a bad config). */
  problems: string[];
}

export interface GateDecision {
  state: 'approved' | 'rejected';
  reasons: string[];
  approvers: string[];
  /** The answer's comment, at most 1,024 characters. */
  comment: string;
  /** The metric verdict, for the promotion record. */
  gate: { passed: boolean; summary: string };
}

/** Cuts `text` to `limit` characters, ending with an ellipsis when cut. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export function decideGate(facts: GateFacts): GateDecision {
  const reasons = [...facts.problems];
  if (facts.model === null || facts.version === null) reasons.push('no candidate version of a configured model was found for the deployed commit');
  if (!facts.comparison) reasons.push('the comparison with the champion could not be computed');
  else if (facts.comparison.verdict !== 'pass') reasons.push(`policy ${facts.comparison.summary}`);
  let approvers: string[] = [];
  if (!facts.review) reasons.push('no pull request was found behind the deployed commit, so its approvals cannot be checked');
  else {
    const counted = countApprovals(facts.review);
    approvers = counted.approvers;
    if (approvers.length < facts.requiredApprovals) {
      const why = counted.ignored.length ? ` (not counted: ${counted.ignored.join('; ')})` : '';
      reasons.push(`pull request #${facts.pullRequest ?? '?'} has ${approvers.length} of ${facts.requiredApprovals} required approval${facts.requiredApprovals === 1 ? '' : 's'} of its final head commit${why}`);
    }
  }
  if (!facts.validation) reasons.push('no data validation result was found');
  else if (!facts.validation.passed) reasons.push(`data validation failed: ${facts.validation.detail}`);
  const state = reasons.length === 0 ? 'approved' : 'rejected';
  const what = facts.model && facts.version ? `${facts.model}@v${facts.version}` : 'the candidate';
  const head = state === 'approved'
    ? `Approved ${what} for ${facts.environment}: ${facts.comparison!.summary}; approved by ${approvers.join(', ') || 'nobody (none required)'}.`
    : `Rejected ${what} for ${facts.environment}: `;
  const comment = state === 'approved' ? clip(head, GATE_COMMENT_LIMIT) : clip(head + reasons.join('; '), GATE_COMMENT_LIMIT);
  const gate = { passed: facts.comparison?.verdict === 'pass', summary: facts.comparison?.summary ?? 'not computed' };
  return { state, reasons, approvers, comment, gate };
}
