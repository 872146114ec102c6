import { Octokit } from '@octokit/rest';
import { expect, it } from 'vitest';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

it('creates, lists by label and state, updates and comments on issues that share numbers with pull requests', async () => {
  const { token } = sim().seed.user({ login: 'alice' });
  sim().seed.repo({ fullName: 'acme/models', files: { 'README.md': 'x' }, collaborators: { alice: 'write' } });
  const octokit = new Octokit({ auth: token, baseUrl: sim().url });
  await sim().scenario.push({ repo: 'acme/models', branch: 'feature', files: { 'a.txt': 'a' }, author: 'alice' });
  const pull = await sim().scenario.openPullRequest({ repo: 'acme/models', head: 'feature', title: 'A', author: 'alice' });
  const { data: issue } = await octokit.issues.create({ owner: 'acme', repo: 'models', title: 'Model health: churn', body: 'first', labels: ['trainyard:monitoring'] });
  expect(issue.number).toBe(pull + 1);
  expect(issue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['trainyard:monitoring']);
  const { data: open } = await octokit.issues.listForRepo({ owner: 'acme', repo: 'models', labels: 'trainyard:monitoring' });
  expect(open.map((i) => i.number)).toEqual([issue.number]);
  const { data: everything } = await octokit.issues.listForRepo({ owner: 'acme', repo: 'models', state: 'all' });
  expect(everything.map((i) => [i.number, i.pull_request === undefined])).toEqual([[issue.number, true], [pull, false]]);
  await octokit.issues.update({ owner: 'acme', repo: 'models', issue_number: issue.number, body: 'second', state: 'closed' });
  expect((await octokit.issues.listForRepo({ owner: 'acme', repo: 'models', labels: 'trainyard:monitoring' })).data).toEqual([]);
  const { data: closed } = await octokit.issues.get({ owner: 'acme', repo: 'models', issue_number: issue.number });
  expect([closed.state, closed.state_reason, closed.body]).toEqual(['closed', 'completed', 'second']);
  await octokit.issues.createComment({ owner: 'acme', repo: 'models', issue_number: issue.number, body: '@alice look' });
  const { data: comments } = await octokit.issues.listComments({ owner: 'acme', repo: 'models', issue_number: issue.number });
  expect(comments.map((c) => [c.body, c.html_url.includes(`/issues/${issue.number}#`)])).toEqual([['@alice look', true]]);
  await expect(octokit.issues.get({ owner: 'acme', repo: 'models', issue_number: 99 })).rejects.toMatchObject({ status: 404 });
});
