/**
 * The typed errors of trainyard. Domain code throws them with context; only entry
 * points (the CLI, action steps, webhook handlers) turn them into exit codes or logs.
 *
 * Exit codes mean one thing each: 0 success; 1 a gate said no (validation, comparison,
 * drift, a promotion check); 2 a user mistake (a bad option, config, file, or a user's
 * command that failed), reported in one line, no stack trace; 3 a failure of trainyard
 * itself or of a service it depends on (a GitHub 5xx, an unreachable API, an internal error).
 */
export const EXIT = { ok: 0, gate: 1, usage: 2, failure: 3 } as const;

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

/** A service trainyard depends on failed (a GitHub 5xx, a network failure): exit 3. */
export class ServiceError extends TrainyardError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { exitCode: EXIT.failure, ...options });
  }
}

/** The HTTP status of a failed request (Octokit's RequestError carries one), when it has one. */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * The exit code of an HTTP failure: a server error, a rate limit or no response at all
 * is a failure of the service (3); any other status is the request's fault (2): a wrong
 * token, repository or name.
 */
export function exitCodeOfHttpStatus(status: number | null): number {
  if (status === null || status >= 500 || status === 429) return EXIT.failure;
  return EXIT.usage;
}

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
