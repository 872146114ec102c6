/** Renders the API slice from the installed @octokit/openapi and the routes' operation ids. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { buildOpenApiSubset } from './openapi-subset.ts';
import { RateLimits } from './rate-limit.ts';
import { allRoutes } from './routes/index.ts';
import { Clock } from './state/clock.ts';

const require = createRequire(import.meta.url);

export async function renderOpenApiSubset(): Promise<string> {
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const pkg = JSON.parse(await readFile(require.resolve('@octokit/openapi/package.json'), 'utf8')) as { version: string };
  const doc = JSON.parse(await readFile(file, 'utf8')) as Parameters<typeof buildOpenApiSubset>[0];
  const ids = allRoutes(new RateLimits(new Clock(), undefined)).map((r) => r.operationId);
  const subset = buildOpenApiSubset(doc, ids, { package: '@octokit/openapi', version: pkg.version, file: 'generated/api.github.com.json' });
  return `${JSON.stringify(subset)}\n`;
}
