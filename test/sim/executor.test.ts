/**
 * The workflow executor on small workflows: what it runs as GitHub does, and what it
 * refuses loudly (an invalid file, an unknown key, an action without a stand-in, a
 * nested job asking more permissions than its caller grants).
 */
import { describe, expect, it } from 'vitest';
import { WorkflowExecutor } from '../../sim/executor/executor.ts';
import { useSimulator } from './vitest.ts';

const sim = useSimulator();

const COMPOSITE = `name: greet
description: a composite action
inputs:
  who: { description: who, required: true }
  punctuation: { description: p, default: '!' }
outputs:
  greeting: { description: g, value: '\${{ steps.say.outputs.text }}' }
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      env: { WHO: '\${{ inputs.who }}' }
      run: |
        test -f "$GITHUB_ACTION_PATH/action.yml"
        echo "text=hello $WHO\${{ inputs.punctuation }}" >> "$GITHUB_OUTPUT"
`;

let repos = 0;

function setup(workflow: string, extra: Record<string, string> = {}) {
  const name = `demo${++repos}`;
  if (!sim().state.users.find('alice')) sim().seed.user({ login: 'alice' });
  const repo = sim().seed.repo({ fullName: `acme/${name}`, files: { '.github/workflows/ci.yml': workflow, '.github/actions/greet/action.yml': COMPOSITE, ...extra }, collaborators: { alice: 'admin' } });
  const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }] });
  const run = (event = 'push', payload: Record<string, unknown> = { ref: 'refs/heads/main' }) => executor.run({ repo: `acme/${name}`, workflow: 'ci.yml', event, payload, sha: repo.headSha!, ref: 'refs/heads/main', actor: 'alice' }).finally(() => executor.close());
  return { run };
}

describe('the workflow executor', () => {
  it('runs jobs in needs order with matrix, outputs, env and path files, composite actions and continue-on-error', async () => {
    const { run } = setup(`name: ci
on: push
permissions: { contents: read }
jobs:
  build:
    runs-on: ubuntu-latest
    strategy: { matrix: { n: [1, 2] } }
    outputs: { greeting: '\${{ steps.greet.outputs.greeting }}' }
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8
        with: { persist-credentials: false }
      - id: greet
        uses: ./.github/actions/greet
        with: { who: 'matrix \${{ matrix.n }}' }
      - run: |
          echo "FROM_ENV=set" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool\\n' > "$RUNNER_TEMP/bin/mytool" && chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
      - run: test "$FROM_ENV" = set && mytool && test ! -e .git/config.lock && ! grep -q extraheader .git/config
      - run: exit 3
        continue-on-error: true
      - run: echo "# summary" >> "$GITHUB_STEP_SUMMARY"
  after:
    needs: build
    if: needs.build.outputs.greeting != ''
    runs-on: ubuntu-latest
    steps:
      - run: test "\${{ needs.build.outputs.greeting }}" = "hello matrix 2!"
  skipped:
    needs: after
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
`);
    const result = await run();
    expect(result.jobs.map((job) => [job.name, job.conclusion]), result.jobs.flatMap((job) => job.steps.map((step) => step.log)).join('\n')).toEqual([
      ['build (1)', 'success'], ['build (2)', 'success'], ['after', 'success'], ['skipped', 'skipped'],
    ]);
    expect(result.jobs[0]!.steps[1]!.outputs).toEqual({ greeting: 'hello matrix 1!' });
    expect(result.jobs[0]!.steps[4]).toMatchObject({ outcome: 'failure', conclusion: 'success' });
    expect(result.jobs[0]!.summary).toBe('# summary\n');
    expect(result.conclusion).toBe('success');
    expect(sim().state.repo('acme/demo1')!.runs.map((entry) => [entry.name, entry.conclusion])).toEqual([['ci', 'success']]);
  });

  it('gives each job a GITHUB_TOKEN with exactly its permissions: a write it was not granted is refused by the API', async () => {
    const { run } = setup(`name: ci
on: push
permissions: { contents: read }
jobs:
  write:
    runs-on: ubuntu-latest
    steps:
      - env: { GH: '\${{ github.token }}' }
        run: |
          code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: token $GH" "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/git/refs" -d '{"ref":"refs/heads/x","sha":"'"$GITHUB_SHA"'"}')
          echo "status=$code" >> "$GITHUB_OUTPUT"
          test "$code" = 403
`);
    const result = await run();
    expect(result.jobs[0]!.permissions).toEqual({ contents: 'read' });
    expect(result.jobs[0]!.conclusion, result.jobs[0]!.steps[0]!.log).toBe('success');
  });

  it('checks out one commit by default, and with fetch-depth 0 every branch as origin/<branch> with its history', async () => {
    const { run } = setup(`name: ci
on: push
permissions: { contents: read }
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8
        with: { persist-credentials: false, path: shallow }
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8
        with: { persist-credentials: false, path: full, fetch-depth: 0 }
      - run: |
          test "$(cat shallow/data.csv)" = "v1"
          ! git -C shallow rev-parse --verify -q origin/main
          test "$(git -C full show origin/main:data.csv)" = "v1"
          test "$(git -C full show origin/feature:data.csv)" = "v2"
          test "$(git -C full log --format=%s origin/feature | tr '\\n' ' ')" = "relabel Initial commit "
          test -z "$(git -C full status --porcelain)"
`, { 'data.csv': 'v1' });
    await sim().scenario.push({ repo: `acme/demo${repos}`, branch: 'feature', files: { 'data.csv': 'v2' }, author: 'alice', message: 'relabel' });
    const result = await run();
    expect(result.jobs[0]!.conclusion, result.jobs[0]!.steps.map((step) => step.log).join('\n')).toBe('success');
    await expect(setup('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n        with: { fetch-depth: 2 }\n').run()).rejects.toThrow(/actions\/checkout: fetch-depth 2/);
  });

  it('fails loudly on what it does not support or what GitHub rejects', async () => {
    await expect(setup('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n').run()).rejects.toThrow(/not a valid workflow: .*Unexpected value 'stepz'/);
    await expect(setup('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    container: node:24\n    steps: [{ run: "true" }]\n').run()).rejects.toThrow(/jobs\.a\.container is not supported by the workflow executor/);
    await expect(setup('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ uses: "docker/login-action@v3" }]\n').run()).rejects.toThrow(/docker\/login-action@v3 has no stand-in/);
    await expect(setup('on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps: [{ run: "true" }]\n').run()).rejects.toThrow(/no simulated runner has the labels \["windows-latest"\]/);
    await expect(setup('on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: "true" }]\n').run()).rejects.toThrow(/on: does not start it for push/);
    const nested = 'on: push\npermissions: { contents: read }\njobs:\n  call:\n    permissions: { contents: read }\n    uses: trainyard/trainyard/.github/workflows/trainyard-release.yml@v1\n    with: { model: m }\n';
    await expect(setup(nested).run()).rejects.toThrow(/the nested job 'register' is requesting 'contents: write', but is only allowed 'contents: read'/);
    await expect(setup('on: push\njobs:\n  call:\n    uses: trainyard/trainyard/.github/workflows/trainyard-pr.yml@v1\n    with: { modle: m }\n').run()).rejects.toThrow(/modle is not defined in the referenced workflow/);
  });

  it('starts the workflows whose on: matches an event, and only those', async () => {
    sim().seed.user({ login: 'alice' });
    const step = 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: "true" }]\n';
    const repo = sim().seed.repo({ fullName: 'acme/events', collaborators: { alice: 'admin' }, files: {
      '.github/workflows/pr.yml': `name: pr\non:\n  pull_request:\n    types: [opened]\n${step}`,
      '.github/workflows/main.yml': `name: main\non:\n  push:\n    branches: [main]\n  workflow_dispatch:\n${step}`,
      '.github/workflows/reusable.yml': `name: reusable\non: workflow_call\n${step}`,
    } });
    const executor = new WorkflowExecutor({ sim: sim(), trainyardRoot: process.cwd(), runners: [{ name: 'hosted', labels: ['ubuntu-latest'] }] });
    try {
      const base = { repo: 'acme/events', sha: repo.headSha!, actor: 'alice' };
      const pushed = await executor.trigger({ ...base, event: 'push', payload: { ref: 'refs/heads/main' }, ref: 'refs/heads/main' });
      expect(pushed.map((run) => [run.workflow, run.event, run.conclusion])).toEqual([['main', 'push', 'success']]);
      expect(await executor.trigger({ ...base, event: 'push', payload: { ref: 'refs/heads/dev' }, ref: 'refs/heads/dev' })).toEqual([]);
      const dispatched = await executor.trigger({ ...base, event: 'workflow_dispatch', payload: {}, ref: 'refs/heads/main' });
      expect(dispatched.map((run) => run.workflow)).toEqual(['main']);
      const runs = sim().state.repo('acme/events')!.runs.map((run) => [run.name, run.event]);
      expect(runs).toEqual([['main', 'push'], ['main', 'workflow_dispatch']]);
    } finally {
      executor.close();
    }
  });
});
