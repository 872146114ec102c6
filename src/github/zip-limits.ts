/**
 * Limits on artifacts the App downloads. Pull-request code (a fork's, too) writes these
 * archives, so every size, count and path in them is hostile until checked.
 */
import { DataError } from '../errors.ts';

export interface ZipLimits {
  /** Bytes of the archive itself. */
  maxCompressedBytes: number;
  /** Bytes of all extracted entries together (each inflation is capped at what is left). */
  maxUncompressedBytes: number;
  /** Entries in the central directory, extracted or not. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxCompressedBytes: 512 * 1024 * 1024,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxEntries: 10_000,
};

/** An archive the App refuses: too large, too many entries, a path that escapes, a bomb. */
export class UnsafeArchiveError extends DataError {
  constructor(readonly archive: string, reason: string) {
    super(`${archive}: ${reason}`);
  }
}
