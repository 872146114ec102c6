import { describe, expect, it } from 'vitest';
import { splitArgs } from '../../src/cli/split-args.ts';

describe('splitArgs', () => {
  it.each([
    ['', []],
    ['run', ['run']],
    ['--config .github/trainyard.yml   --model churn', ['--config', '.github/trainyard.yml', '--model', 'churn']],
    ['--data "data/part *.csv"', ['--data', 'data/part *.csv']],
    ["--data 'it''s'", ['--data', 'its']],
    ['--message "say \\"hi\\""', ['--message', 'say "hi"']],
    ['a\nb\r\n  c', ['a', 'b', 'c']],
    ['""', ['']],
    ['path\\ with\\ spaces', ['path with spaces']],
    ['C:\\data\\x.csv', ['C:\\data\\x.csv']],
  ])('%j -> %j', (input, expected) => {
    expect(splitArgs(input)).toEqual(expected);
  });

  it('expands nothing a shell would', () => {
    expect(splitArgs('$(rm -rf /) `id` $HOME *.csv ; echo x | cat')).toEqual(['$(rm', '-rf', '/)', '`id`', '$HOME', '*.csv', ';', 'echo', 'x', '|', 'cat']);
  });

  it('refuses an unterminated quote', () => {
    expect(() => splitArgs('--data "open')).toThrow('args: unterminated double quote in "--data \\"open"');
  });
});
