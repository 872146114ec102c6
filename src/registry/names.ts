/**
 * Model and environment names end up in git tags (`<model>@v<N>`,
 * `<model>#<environment>#<seq>`), so both are checked before anything is written.
 */
import { MODEL_NAME } from '../config/schema.ts';
import { UsageError } from '../errors.ts';

/** Environment names usable in a tag; GitHub allows more, trainyard asks for these. */
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export function checkModelName(model: string): string {
  if (!MODEL_NAME.test(model)) {
    throw new UsageError(`model name "${model}" is not usable in a tag; expected lowercase letters, digits, ".", "_" or "-" (at most 63, starting with a letter or digit)`);
  }
  return model;
}

export function checkEnvironmentName(environment: string): string {
  if (!ENVIRONMENT_NAME.test(environment)) {
    throw new UsageError(`environment name "${environment}" is not usable in a tag; expected letters, digits, ".", "_" or "-" (at most 63)`);
  }
  return environment;
}

export function versionTag(model: string, version: number): string {
  return `${model}@v${version}`;
}

export function promotionTag(model: string, environment: string, sequence: number): string {
  return `${model}#${environment}#${sequence}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The version number of a `<model>@v<N>` tag, or null for any other tag. */
export function parseVersionTag(model: string, tag: string): number | null {
  const match = new RegExp(`^${escape(model)}@v([1-9][0-9]{0,8})$`).exec(tag);
  return match ? Number(match[1]) : null;
}

/** Environment and sequence of a `<model>#<environment>#<seq>` tag, or null. */
export function parsePromotionTag(model: string, tag: string): { environment: string; sequence: number } | null {
  const match = new RegExp(`^${escape(model)}#([A-Za-z0-9][A-Za-z0-9._-]*)#([1-9][0-9]{0,8})$`).exec(tag);
  return match ? { environment: match[1]!, sequence: Number(match[2]) } : null;
}

/** A positive whole version number from user input (`--version 3`). */
export function parseVersionNumber(text: string, what = '--version'): number {
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`${what} "${text}" is not a version number; expected a whole number from 1`);
  return Number(text);
}
