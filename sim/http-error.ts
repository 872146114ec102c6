/**
 * The error the simulator throws to answer the way GitHub answers (status, message,
 * optional `errors`), apart from http.ts so that authentication and state, which the
 * request types name, can throw it too.
 */

/** An answer GitHub would give as an error: thrown by routes, turned into a response. */
export class SimHttpError extends Error {
  readonly status: number;
  readonly errors: unknown[] | undefined;

  constructor(status: number, message: string, errors?: unknown[]) {
    super(message);
    this.name = 'SimHttpError';
    this.status = status;
    this.errors = errors;
  }
}

/** GitHub's "Validation Failed" answer with one error entry. */
export function validationFailed(resource: string, field: string, code: string, message?: string): SimHttpError {
  return new SimHttpError(422, message ?? 'Validation Failed', [{ resource, field, code, ...(message ? { message } : {}) }]);
}

export function notFound(): SimHttpError {
  return new SimHttpError(404, 'Not Found');
}
