/**
 * The typed errors of trainyard. Domain code throws them with context; only entry
 * points (the CLI, action steps, webhook handlers) turn them into exit codes or logs.
 *
 * Exit codes: 0 success, 1 a gate failed (invalid data, drift, worse model),
 * 2 the input was wrong (a user mistake, reported in one line, no stack trace).
 */
export class TrainyardError extends Error {
  /** The process exit code an entry point uses for this error. */
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Where in a text file a problem sits (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A configuration file that cannot be used: names the file, position and key. */
export class ConfigError extends TrainyardError {
  readonly file: string;
  readonly position: SourcePosition | undefined;
  readonly key: string | undefined;

  constructor(details: { file: string; message: string; position?: SourcePosition; key?: string }) {
    const where = details.position ? `${details.file}:${details.position.line}:${details.position.column}` : details.file;
    const key = details.key ? ` ${details.key}:` : '';
    super(`${where}:${key} ${details.message}`);
    this.file = details.file;
    this.position = details.position;
    this.key = details.key;
  }
}

/** Wrong command-line usage: an unknown option value, a missing argument. */
export class UsageError extends TrainyardError {}

/** Data or artifacts that cannot be read or do not have the expected shape. */
export class DataError extends TrainyardError {}

/** A user command (the training command) that failed or could not start. */
export class CommandError extends TrainyardError {}

/** Turns anything thrown into one line, including throws that are not Errors. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message.split('\n')[0] ?? thrown.name;
  if (typeof thrown === 'string') return thrown;
  try {
    return `non-error thrown: ${JSON.stringify(thrown)}`;
  } catch {
    return `non-error thrown: ${String(thrown)}`;
  }
}
