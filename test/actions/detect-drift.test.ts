import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readAction } from '../helpers/action-file.ts';
import { describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/cli.ts';

const read = readAction;

describe('actions/detect-drift', () => {
  it('starts with the setup action\'s steps, pinned, and passes inputs through env only', async () => {
    const drift = await read('actions/detect-drift/action.yml');
    const setup = await read('actions/setup/action.yml');
    const expected = setup.runs.steps.map((step) => (step.run ? { ...step, run: step.run.replace('$GITHUB_ACTION_PATH/setup.sh', '$GITHUB_ACTION_PATH/../setup/setup.sh') } : step));
    expect(drift.runs.steps.slice(0, expected.length)).toEqual(expected);
    for (const step of drift.runs.steps) {
      expect(step.run ?? '').not.toContain('${{');
      if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    }
    const text = await readFile('actions/detect-drift/action.yml', 'utf8');
    expect(text).toContain('uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0');
    expect(text).toContain('uses: actions/cache@9255dc7a253b0ccc959486e2bca901246202afeb # v5.0.1');
    expect(Object.keys(drift.inputs)).toEqual(expect.arrayContaining(['reference', 'current', 'fail-on-drift']));
    expect(Object.keys(drift.outputs)).toEqual(['drifted', 'share', 'report']);
  });

  it('sets its outputs and the job summary from trainyard drift', async () => {
    const project = await copyExample();
    const temp = await mkdtemp(path.join(tmpdir(), 'trainyard-action-'));
    const bin = path.join(temp, 'bin');
    await execFileAsync('mkdir', ['-p', bin]);
    // The shim stands in for the bundle on PATH; artifacts need the Actions runtime, so it drops --artifact.
    const cli = path.resolve('src/cli/bin.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    await writeFile(path.join(bin, 'trainyard'), `#!/usr/bin/env bash\nargs=()\nwhile [ $# -gt 0 ]; do if [ "$1" = --artifact ]; then shift 2; else args+=("$1"); shift; fi; done\nexec "${tsx}" "${cli}" "\${args[@]}"\n`);
    await chmod(path.join(bin, 'trainyard'), 0o755);
    const output = path.join(temp, 'output');
    const summary = path.join(temp, 'summary');
    await writeFile(output, '');
    await writeFile(summary, '');
    await execFileAsync(path.resolve('actions/detect-drift/detect.sh'), [], {
      cwd: project,
      env: { PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, CONFIG: '.github/trainyard.yml', REFERENCE: '', CURRENT: '', MODEL: 'flight-delays', COLUMNS: '', ARTIFACT: '' },
    });
    expect(await readFile(output, 'utf8')).toBe(`drifted=false\nshare=0\nreport=${temp}/trainyard-drift/drift.md\n`);
    expect(await readFile(summary, 'utf8')).toContain('# Data drift: data/production.csv against data/train.csv');
  });
});

const execFileAsync = promisify(execFile);
