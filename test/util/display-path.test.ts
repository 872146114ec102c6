import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/util/display-path.ts';

describe('displayPath', () => {
  it.each([
    ['/work/project', '/work/project/.trainyard/runs/x', '.trainyard/runs/x'],
    ['/work/project', '/work/project', '.'],
    ['/tmp/a/b/c', '/root/out/train', '/root/out/train'],
    ['/work/project', '/work/other/out', '/work/other/out'],
  ])('from %s shows %s as %s', (cwd, target, expected) => {
    expect(displayPath(cwd, target)).toBe(expected);
  });
});
