import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { driftStage } from '../../src/run/drift-stage.ts';
import { copyExample } from '../helpers/cli.ts';

describe('the drift stage of trainyard run', () => {
  it('checks the example\'s June data against its training data', async () => {
    const project = await copyExample();
    const loaded = await loadConfig(path.join(project, '.github/trainyard.yml'));
    const model = loaded.config.models['flight-delays']!;
    const outcome = await driftStage({ name: 'flight-delays', model, root: loaded.root, outputDir: project });
    expect(outcome.summary).toBe('drift: no dataset drift, 0 of 4 columns; share 0, threshold 0.5000; data/production.csv against data/train.csv');
    expect(JSON.parse(await readFile(path.join(project, 'drift.json'), 'utf8'))).toMatchObject({ drifted: false, tested: 4 });
    expect(await readFile(path.join(project, 'drift.md'), 'utf8')).toContain('**No dataset drift**: 0 of 4 tested columns drifted');
  });

  it('skips a model without current data', async () => {
    const project = await copyExample();
    const loaded = await loadConfig(path.join(project, '.github/trainyard.yml'));
    const model = loaded.config.models['flight-delays']!;
    const bare = { ...model, data: { train: model.data.train }, drift: undefined };
    const outcome = await driftStage({ name: 'flight-delays', model: bare, root: loaded.root, outputDir: project });
    expect(outcome).toEqual({ result: null, summary: 'drift: skipped, flight-delays has no drift.current or data.production', files: [] });
  });
});
