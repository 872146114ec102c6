// Writes the generated files: schema/trainyard.schema.json, docs/configuration.md and
// docs/cli.md. `--check` fails when a committed file differs.
import { readFile, writeFile } from 'node:fs/promises';
import { renderConfigJsonSchema } from '../src/config/json-schema.ts';
import { renderCliReference } from '../src/cli/reference-doc.ts';
import { renderConfigReference } from '../src/config/reference-doc.ts';

const outputs: Array<[string, string]> = [
  ['schema/trainyard.schema.json', renderConfigJsonSchema()],
  ['docs/configuration.md', renderConfigReference()],
  ['docs/cli.md', renderCliReference()],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, fresh] of outputs) {
  const url = new URL(`../${file}`, import.meta.url);
  if (!check) {
    await writeFile(url, fresh);
    continue;
  }
  if ((await readFile(url, 'utf8').catch(() => '')) !== fresh) {
    console.error(`stale ${file}; run npm run generate and commit it`);
    stale++;
  }
}
if (check && stale === 0) console.log('generated files are current');
process.exit(stale === 0 ? 0 : 1);
