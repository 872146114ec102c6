/**
 * The one place the CLI builds an Octokit: the API root from GITHUB_API_URL (GitHub
 * Enterprise, or the simulator in tests), and Octokit's own request log kept off the
 * console, since each failure already becomes one trainyard line that says what failed.
 */
import { Octokit } from '@octokit/rest';
import type { CliIo } from './io.ts';

export const DEFAULT_API_URL = 'https://api.github.com';

export function octokitFor(io: CliIo, token: string | undefined): Octokit {
  const quiet = (): void => {};
  const log = { debug: quiet, info: quiet, warn: (message: string) => io.stderr(`trainyard: GitHub: ${message}\n`), error: quiet };
  return new Octokit({ ...(token ? { auth: token } : {}), baseUrl: io.env.GITHUB_API_URL || DEFAULT_API_URL, userAgent: 'trainyard', log });
}
