import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const FORK_PUSH = path.resolve('test/fixtures/runner/fork-pr-synchronize.json');

describe('trainyard runner', () => {
  it('jitconfig --dry-run prints the requests it would make and makes none', async () => {
    const result = await runCli(['runner', 'jitconfig', '--repo', 'acme/models', '--labels', 'self-hosted,gpu,a100', '--name', 'gpu-1', '--dry-run']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '[dry-run] would GET /repos/acme/models/installation',
        '[dry-run] would POST /app/installations/{installation_id}/access_tokens',
        '[dry-run] would POST /repos/acme/models/actions/runners/generate-jitconfig {"name":"gpu-1","runner_group_id":1,"labels":["self-hosted","gpu","a100"],"work_folder":"_work"}',
        '',
      ].join('\n'),
    });
  });

  it.each([
    [['--repo', 'acme'], '--repo "acme": expected owner/repo (or --org <org>)'],
    [['--repo', 'a/b', '--org', 'a'], '--repo and --org: give one'],
    [['--repo', 'a/b', '--runner-group-id', 'x'], '--runner-group-id "x": expected a positive integer'],
    [['--repo', 'a/b'], 'no GitHub App id: pass --app-id or set GITHUB_APP_ID'],
  ])('jitconfig %j is a usage error in one line', async (args, message) => {
    const result = await runCli(['runner', 'jit', ...args], { env: {} });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('guard refuses a push to a fork PR on a self-hosted runner with exit 1 and a step error', async () => {
    const result = await runCli(['runner', 'guard', '--event', FORK_PUSH, '--event-name', 'pull_request'], { env: { RUNNER_ENVIRONMENT: 'self-hosted', GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=trainyard: fork code refused::pull request #4921 comes from the fork andralex\/phobos/);
    expect(result.stderr).toMatch(/^trainyard: refused: .*apply "trainyard:safe-to-train" after the last push\n$/);
  });

  it('guard allows the same event on a GitHub-hosted runner', async () => {
    const result = await runCli(['runner', 'guard'], { env: { GITHUB_EVENT_PATH: FORK_PUSH, GITHUB_EVENT_NAME: 'pull_request', RUNNER_ENVIRONMENT: 'github-hosted' } });
    expect(result).toEqual({ code: 0, stdout: 'trainyard: allowed: the runner is GitHub-hosted and discarded after the job\n', stderr: '' });
  });
});
