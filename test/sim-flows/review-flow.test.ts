/** Written from test/sim/README.md alone: open a PR, review it, read the reviews back. */
import { Octokit } from '@octokit/rest';
import { expect, it } from 'vitest';
import { useSimulator } from '../sim/vitest.ts';

const sim = useSimulator();

it('ties each review to the commit it was made on', async () => {
  const { token: aliceToken } = sim().seed.user({ login: 'alice' });
  const { token: bobToken } = sim().seed.user({ login: 'bob' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' }, collaborators: { alice: 'write', bob: 'write' } });
  const first = await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
  const alice = new Octokit({ auth: aliceToken, baseUrl: sim().url });
  const bob = new Octokit({ auth: bobToken, baseUrl: sim().url });
  const { data: pr } = await alice.pulls.create({ owner: 'acme', repo: 'models', head: 'feature', base: 'main', title: 'Add a' });

  await bob.pulls.createReview({ owner: 'acme', repo: 'models', pull_number: pr.number, event: 'REQUEST_CHANGES', body: 'Say why.' });
  const second = await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a, because b' }, author: 'alice' });
  await sim().scenario.submitReview({ repo: 'acme/models', number: pr.number, reviewer: 'bob', event: 'APPROVE' });

  const { data: reviews } = await alice.pulls.listReviews({ owner: 'acme', repo: 'models', pull_number: pr.number });
  expect(reviews.map((review) => [review.user?.login, review.state, review.commit_id])).toEqual([
    ['bob', 'CHANGES_REQUESTED', first],
    ['bob', 'APPROVED', second],
  ]);
  await expect(alice.pulls.createReview({ owner: 'acme', repo: 'models', pull_number: pr.number, event: 'APPROVE' })).rejects.toMatchObject({ status: 422 });
});
