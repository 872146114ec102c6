#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/errors.ts
var EXIT = { ok: 0, gate: 1, usage: 2, failure: 3 };
var TrainyardError = class extends Error {
  /** The process exit code an entry point uses for this error. */
  exitCode;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 2;
  }
};
var ConfigError = class extends TrainyardError {
  file;
  position;
  key;
  constructor(details) {
    const where = details.position ? `${details.file}:${details.position.line}:${details.position.column}` : details.file;
    const key = details.key ? ` ${details.key}:` : "";
    super(`${where}:${key} ${details.message}`);
    this.file = details.file;
    this.position = details.position;
    this.key = details.key;
  }
};
var UsageError = class extends TrainyardError {
};
var DataError = class extends TrainyardError {
};
var CommandError = class extends TrainyardError {
};
var ServiceError = class extends TrainyardError {
  constructor(message, options = {}) {
    super(message, { exitCode: EXIT.failure, ...options });
  }
};
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : null;
}
function exitCodeOfHttpStatus(status) {
  if (status === null || status >= 500 || status === 429) return EXIT.failure;
  return EXIT.usage;
}
function describeThrown(thrown) {
  if (thrown instanceof Error) return thrown.message.split("\n")[0] ?? thrown.name;
  if (typeof thrown === "string") return thrown;
  try {
    return `non-error thrown: ${JSON.stringify(thrown)}`;
  } catch {
    return `non-error thrown: ${String(thrown)}`;
  }
}

export {
  EXIT,
  TrainyardError,
  ConfigError,
  UsageError,
  DataError,
  CommandError,
  ServiceError,
  statusOf,
  exitCodeOfHttpStatus,
  describeThrown
};
