/** Option values shared by `evaluate` and `compare`, checked once at the edge. */
import { UsageError } from '../../errors.ts';
import { TASKS, type Task } from '../../metrics/types.ts';

export function parseTask(value: string): Task {
  if ((TASKS as readonly string[]).includes(value)) return value as Task;
  throw new UsageError(`--task ${value}: expected one of ${TASKS.join(', ')}`);
}

export function parseNumberOption(flag: string, value: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`${flag} ${value}: expected a number`);
  return number;
}

export function parseIntegerOption(flag: string, value: string, min: number, max: number): number {
  const number = parseNumberOption(flag, value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${flag} ${value}: expected a whole number from ${min} to ${max}`);
  return number;
}
