// Writes schema/trainyard.schema.json from the zod schema; `--check` fails when the
// committed file differs.
import { readFile, writeFile } from 'node:fs/promises';
import { renderConfigJsonSchema } from '../src/config/json-schema.ts';

const file = new URL('../schema/trainyard.schema.json', import.meta.url);
const fresh = renderConfigJsonSchema();
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error('stale schema/trainyard.schema.json; run npm run generate and commit it');
    process.exit(1);
  }
  console.log('schema/trainyard.schema.json is current');
} else {
  await writeFile(file, fresh);
}
