/** Errors of the registry, carrying where they happened. */
import { EXIT, exitCodeOfHttpStatus, TrainyardError } from '../errors.ts';

/** A registry request that cannot be served: an unknown version, a foreign release, a bad name. */
export class RegistryError extends TrainyardError {
  readonly location: string;

  constructor(location: string, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(`${location}: ${message}`, options);
    this.location = location;
  }
}

/** Stored bytes that do not match their recorded SHA-256: nothing is used or published (exit 3: the store failed). */
export class DigestMismatchError extends RegistryError {
  constructor(location: string, message: string, options: { cause?: unknown } = {}) {
    super(location, message, { exitCode: EXIT.failure, ...options });
  }
}

/** A GitHub API call that failed, with its status: exit 3 for a 5xx or 429, 2 otherwise. */
export class GitHubApiError extends RegistryError {
  readonly status: number;

  constructor(location: string, message: string, status: number, cause?: unknown) {
    super(location, `${message} (HTTP ${status})`, { cause, exitCode: exitCodeOfHttpStatus(status) });
    this.status = status;
  }
}
