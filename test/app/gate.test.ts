import { describe, expect, it } from 'vitest';
import { compareByThresholds } from '../../src/comparison/threshold.ts';
import { countApprovals, type ApprovalInput } from '../../src/promotion/approvals.ts';
import { decideGate, type GateFacts } from '../../src/promotion/gate.ts';

const HEAD = 'b'.repeat(40);
const base: ApprovalInput = { author: 'alice', contributors: ['alice'], headSha: HEAD, reviews: [], permissions: { alice: 'write', bob: 'write', carol: 'read', dave: 'admin' }, allowedReviewers: [] };
const approve = (login: string, commitId = HEAD) => ({ login, state: 'APPROVED', commitId, submittedAt: null });

describe('countApprovals', () => {
  it.each([
    ['a writer on the final head counts', [approve('bob')], [], ['bob']],
    ['the author does not count (self-approval)', [approve('alice')], [], []],
    ['the author in another case does not count', [approve('ALICE')], [], []],
    ['an approval of an older head does not count', [approve('bob', 'a'.repeat(40))], [], []],
    ['a read-only user does not count', [approve('carol')], [], []],
    ['a later request for changes cancels the approval', [approve('bob'), { login: 'bob', state: 'CHANGES_REQUESTED', commitId: HEAD, submittedAt: null }], [], []],
    ['a dismissal cancels the approval', [approve('bob'), { login: 'bob', state: 'DISMISSED', commitId: HEAD, submittedAt: null }], [], []],
    ['a comment does not cancel the approval', [approve('bob'), { login: 'bob', state: 'COMMENTED', commitId: HEAD, submittedAt: null }], [], ['bob']],
    ['only allowed reviewers count when listed', [approve('bob'), approve('dave')], ['dave'], ['dave']],
  ])('%s', (_name, reviews, allowedReviewers, expected) => {
    expect(countApprovals({ ...base, reviews, allowedReviewers }).approvers).toEqual(expected);
  });

  it('a writer who authored or committed a commit of the pull request does not count as an independent approver', () => {
    const counted = countApprovals({ ...base, contributors: ['alice', 'Bob'], reviews: [approve('bob'), approve('dave')] });
    expect(counted).toEqual({ approvers: ['dave'], ignored: ['bob authored or committed a commit of the pull request'] });
  });
});

const passing: GateFacts = {
  model: 'churn', version: 2, environment: 'production',
  comparison: compareByThresholds({ policy: { auc: { greater_is_better: true, min_absolute_change: 0.01 } }, candidate: { auc: 0.8 }, champion: { auc: 0.7 } }),
  review: { ...base, reviews: [approve('bob')] }, pullRequest: 4, requiredApprovals: 1,
  validation: { passed: true, detail: 'ok' }, problems: [],
};

describe('decideGate', () => {
  it('approves when every fact passes', () => {
    expect(decideGate(passing)).toMatchObject({ state: 'approved', approvers: ['bob'], reasons: [] });
  });
  it.each([
    ['a missing comparison', { comparison: null }, /comparison with the champion could not be computed/],
    ['a missing pull request', { review: null }, /no pull request was found/],
    ['missing validation', { validation: null }, /no data validation result/],
    ['failed validation', { validation: { passed: false, detail: 'x' } }, /data validation failed/],
    ['a problem while gathering', { problems: ['registry: HTTP 502'] }, /registry: HTTP 502/],
    ['an unknown candidate', { model: null, version: null }, /no candidate version/],
  ])('rejects %s (fail closed)', (_name, change, reason) => {
    const decision = decideGate({ ...passing, ...change });
    expect(decision.state).toBe('rejected');
    expect(decision.comment).toMatch(reason);
  });
  it('keeps the comment within 1,024 characters', () => {
    const decision = decideGate({ ...passing, problems: Array.from({ length: 100 }, (_, i) => `problem number ${i} with a long explanation`) });
    expect(decision.comment.length).toBe(1024);
    expect(decision.comment.endsWith('…')).toBe(true);
  });
});
