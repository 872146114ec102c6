/**
 * GitHub's workflow and action parser (@actions/workflow-parser). The package imports
 * its JSON schemas without import attributes, which Node refuses, so it is bundled once
 * with esbuild (which inlines the JSON) into node_modules/.cache and loaded from there.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

type Parser = typeof import('@actions/workflow-parser') & Pick<typeof import('@actions/workflow-parser/actions/index'), 'parseAction'>;

let loaded: Promise<Parser> | undefined;

async function bundle(): Promise<Parser> {
  const root = path.resolve('node_modules/@actions/workflow-parser');
  const dir = path.resolve('node_modules/.cache/trainyard-executor');
  const out = path.join(dir, 'workflow-parser.mjs');
  const source = path.join(root, 'package.json');
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(source).mtimeMs) {
    mkdirSync(dir, { recursive: true });
    await build({
      stdin: { contents: "export * from '@actions/workflow-parser';\nexport { parseAction } from '@actions/workflow-parser/actions/index';\n", resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: `${out}.${process.pid}`,
      // Only the parser is bundled; its dependencies load from node_modules as usual.
      external: ['yaml', 'cronstrue', '@actions/expressions', '@actions/expressions/*'],
      logLevel: 'error',
    });
    // Test files load it in parallel: each writes its own file and renames it in place.
    renameSync(`${out}.${process.pid}`, out);
  }
  return (await import(pathToFileURL(out).href)) as Parser;
}

export function workflowParser(): Promise<Parser> {
  loaded ??= bundle();
  return loaded;
}
