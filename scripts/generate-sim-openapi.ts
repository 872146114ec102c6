// Writes sim/generated/openapi-subset.json: the slice of GitHub's API description
// (@octokit/openapi) that the GitHub simulator implements. `--check` fails when the
// committed file differs from what the installed description and the routes give.
import { readFile, writeFile } from 'node:fs/promises';
import { renderOpenApiSubset } from '../sim/generate.ts';

const file = new URL('../sim/generated/openapi-subset.json', import.meta.url);
const fresh = await renderOpenApiSubset();
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error('stale sim/generated/openapi-subset.json; run npx tsx scripts/generate-sim-openapi.ts and commit it');
    process.exit(1);
  }
  console.log('sim/generated/openapi-subset.json is current');
} else {
  await writeFile(file, fresh);
  console.log(`wrote sim/generated/openapi-subset.json (${(fresh.length / 1024).toFixed(0)} KiB)`);
}
