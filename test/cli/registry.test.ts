/**
 * The registry and deploy commands on the flight-delays example: `trainyard run` trains,
 * registers and promotes it in the local registry, and the CLI shows, downloads, deploys
 * and tells its history.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { LocalRegistry } from '../../src/registry/local/local-registry.ts';
import { registerAndPromote } from '../../src/registry/stage.ts';
import { copyExample, runCli } from '../helpers/cli.ts';

describe('trainyard registry and deploy on the example', () => {
  let project: string;
  let outputDir: string;

  beforeAll(async () => {
    project = await copyExample();
    const config = path.join(project, '.github', 'trainyard.yml');
    const text = await readFile(config, 'utf8');
    await writeFile(config, text.replace('    card:\n', '    deploy:\n      command: node -e "require(\'fs\').writeFileSync(\'deployed.txt\', process.env.MODEL_VERSION + \' \' + require(\'fs\').readdirSync(process.env.MODEL_DIR).join(\',\'))"\n    card:\n'));
    const run = await runCli(['run'], { cwd: project, now: new Date('2026-03-04T05:06:07.890Z') });
    expect(run.code, run.stderr).toBe(0);
    outputDir = path.join(project, '.trainyard', 'runs', '2026-03-04T05-06-07-890Z', 'flight-delays');
  });

  it('registers and promotes the run\'s model; history shows who, what and why', async () => {
    const loaded = await loadConfig(path.join(project, '.github', 'trainyard.yml'), '.github/trainyard.yml');
    const registry = new LocalRegistry({ dir: path.join(project, '.trainyard', 'stage-passed') });
    const outcome = await registerAndPromote({ registry, name: 'flight-delays', model: loaded.config.models['flight-delays']!, outputDir, gate: { passed: true, summary: 'roc_auc above 0.6' }, runUrl: null, actor: 'alice', approvers: ['bob'] });
    expect([outcome.version.version, outcome.promotion?.sequence, outcome.environment]).toEqual([1, 1, 'production']);
    expect(outcome.version.card.intendedUse).toContain('Teaching and testing');

    const history = await runCli(['registry', 'history', 'flight-delays', '--registry', 'local:.trainyard/stage-passed'], { cwd: project });
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout).toMatch(/production\s+1\s+v1\s+approved\s+alice\s+bob\s+passed: roc_auc above 0.6/);

    const list = await runCli(['registry', 'list', 'flight-delays', '--json', '--registry', 'local:.trainyard/stage-passed'], { cwd: project });
    const listed = JSON.parse(list.stdout) as { versions: { version: number; card: { metrics: Record<string, number> } }[] };
    const metrics = JSON.parse(await readFile(path.join(outputDir, 'metrics.json'), 'utf8')) as Record<string, number>;
    expect(listed.versions[0]!.card.metrics.roc_auc).toBe(metrics.roc_auc);
  });

  it('does not promote when the comparison failed', async () => {
    const loaded = await loadConfig(path.join(project, '.github', 'trainyard.yml'), '.github/trainyard.yml');
    const registry = new LocalRegistry({ dir: path.join(project, '.trainyard', 'stage-failed') });
    const outcome = await registerAndPromote({ registry, name: 'flight-delays', model: loaded.config.models['flight-delays']!, outputDir, gate: { passed: false, summary: 'worse' }, runUrl: null, actor: null });
    expect(outcome.promotion).toBeNull();
    expect(await registry.history('flight-delays')).toEqual([]);
  });

  it('registers, shows and downloads through the CLI', async () => {
    const registered = await runCli(['registry', 'register', 'flight-delays', '--from', outputDir, '--registry', 'local:cli-registry'], { cwd: project });
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toContain('registered flight-delays v1');
    const shown = await runCli(['registry', 'show', 'flight-delays', '--version', '1', '--registry', 'local:cli-registry'], { cwd: project });
    expect(shown.stdout).toContain('# flight-delays v1');
    const downloaded = await runCli(['registry', 'download', 'flight-delays', '-v', '1', '-o', 'dl', '--registry', 'local:cli-registry'], { cwd: project });
    expect(downloaded.code, downloaded.stderr).toBe(0);
    expect(await readFile(path.join(project, 'dl', 'metrics.json'), 'utf8')).toBe(await readFile(path.join(outputDir, 'metrics.json'), 'utf8'));
  });

  it('dry-runs a deploy without changing anything, then deploys the candidate', async () => {
    const dry = await runCli(['deploy', '--model', 'flight-delays', '--environment', 'staging', '--dry-run'], { cwd: project });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('[dry-run] would record the promotion of flight-delays v1 to staging');
    expect(await readFile(path.join(project, 'deployed.txt'), 'utf8').catch(() => null)).toBeNull();
    const real = await runCli(['deploy', '--model', 'flight-delays', '--environment', 'staging', '--version', 'candidate', '--approver', 'bob'], { cwd: project });
    expect(real.code, real.stderr).toBe(0);
    expect(await readFile(path.join(project, 'deployed.txt'), 'utf8')).toMatch(/^1 /);
    const history = await runCli(['registry', 'history', 'flight-delays', '-e', 'staging', '--json'], { cwd: project });
    expect((JSON.parse(history.stdout) as { history: { version: number }[] }).history.map((record) => record.version)).toEqual([1]);
  });

  it.each([
    [['registry', 'show', 'flight-delays', '--version', 'two'], /--version "two" is not a version number/],
    [['registry', 'show', 'flight-delays', '--version', '9'], /flight-delays has no version 9; registered: v1/],
    [['registry', 'list', '--registry', 'ftp:x'], /--registry "ftp:x" is not a registry; expected local:<dir> or github:<owner>\/<repo>/],
    [['registry', 'list', '--registry', 'github:acme/models'], /GITHUB_TOKEN is not set/],
    [['deploy', '--model', 'Bad', '--environment', 'e'], /model name "Bad" is not usable in a tag/],
    [['deploy', '--model', 'other', '--environment', 'e'], /unknown model "other"/],
  ])('%j fails in one line with exit code 2', async (argv, message) => {
    const result = await runCli(argv, { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails a deploy whose command fails (exit 2: the user\'s command), without recording a promotion', async () => {
    const config = path.join(project, '.github', 'failing.yml');
    const text = await readFile(path.join(project, '.github', 'trainyard.yml'), 'utf8');
    await writeFile(config, text.replace(/command: node -e ".*"\n/, 'command: exit 3\n'));
    const result = await runCli(['deploy', '-m', 'flight-delays', '-e', 'qa', '-c', '.github/failing.yml', '-r', 'local:.trainyard/registry'], { cwd: project });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('exited with 3; flight-delays v1 was not promoted to qa');
    expect(await new LocalRegistry({ dir: path.join(project, '.trainyard', 'registry') }).history('flight-delays', 'qa')).toEqual([]);
  });
});
