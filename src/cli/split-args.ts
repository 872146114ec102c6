/**
 * Splits an action input into arguments the way a shell would split words, without a
 * shell: quotes group ('single' literally, "double" with \" and \\ escapes), a backslash
 * escapes a space, quote or backslash (and is literal elsewhere, so Windows paths
 * survive), nothing expands ($VAR, globs, backticks stay as typed), newlines separate
 * like spaces.
 */
import { UsageError } from '../errors.ts';

export function splitArgs(input: string): string[] {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) current += input[++i];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else if (char === '\\' && i + 1 < input.length && /[\s"'\\]/.test(input[i + 1]!)) {
      current += input[++i];
      inWord = true;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) throw new UsageError(`args: unterminated ${quote === '"' ? 'double' : 'single'} quote in ${JSON.stringify(input)}`);
  if (inWord) args.push(current);
  return args;
}
