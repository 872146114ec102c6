// Bundles the CLI, the action entry and the GitHub App into dist/ (committed: GitHub
// runs actions from the repository with no install step). `--check` builds into a
// temporary folder and fails when the committed files differ. `--outdir <dir>` builds
// into another folder (the App's container build and tests use it).
import { build } from 'esbuild';
import { chmod, mkdtemp, readFile, readdir, writeFile, rm, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = check
  ? await mkdtemp(path.join(tmpdir(), 'trainyard-dist-'))
  : path.resolve(outdirFlag > 0 && process.argv[outdirFlag + 1] ? process.argv[outdirFlag + 1] : path.join(root, 'dist'));

// Native or data-carrying packages stay outside the bundle; actions/setup installs
// exactly these versions (read from the lockfile) into dist/node_modules.
const EXTERNAL = ['@duckdb/node-api'];

const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8'));
const runtimeDependencies = Object.fromEntries(EXTERNAL.map((name) => [name, lock.packages[`node_modules/${name}`].version]));

// Generated files only: dist/node_modules is what actions/setup installs there.
async function listFiles(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath ?? entry.path, entry.name)))
    .filter((file) => !file.startsWith('node_modules'))
    .sort();
}

if (!check) {
  for (const file of await listFiles(outdir)) await rm(path.join(outdir, file));
}
await mkdir(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  // app: the App's Node server (the container runs it); app-action: the App in a
  // GitHub Actions job (actions/app). Neither needs the external packages.
  entryPoints: { trainyard: 'src/cli/bin.ts', action: 'src/cli/action.ts', app: 'app/server.ts', 'app-action': 'app/actions.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20.18',
  external: EXTERNAL,
  legalComments: 'none',
  // Only the version of package.json goes into the bundle, so a dependency change
  // does not change the bundle.
  plugins: [
    {
      name: 'package-version',
      setup(builder) {
        builder.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
          if (args.path !== path.join(root, 'package.json')) return undefined;
          const { version } = JSON.parse(await readFile(args.path, 'utf8'));
          return { contents: JSON.stringify({ version }), loader: 'json' };
        });
      },
    },
  ],
  logLevel: 'warning',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __trainyardCreateRequire } from 'node:module';\nconst require = __trainyardCreateRequire(import.meta.url);",
  },
});
// The CLI is the package's bin: executable as committed, so installing the package (or
// `npx` on a clone) has no mode of a tracked file to change.
await chmod(path.join(outdir, 'trainyard.js'), 0o755);
const manifest = { name: 'trainyard-runtime', private: true, type: 'module', dependencies: runtimeDependencies };
await writeFile(path.join(outdir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

if (check) {
  const stale = [];
  const built = await listFiles(outdir);
  const committedFiles = await listFiles(path.join(root, 'dist'));
  for (const file of committedFiles.filter((name) => !built.includes(name))) stale.push(`dist/${file} (no longer built)`);
  for (const file of built) {
    const fresh = await readFile(path.join(outdir, file), 'utf8');
    const committed = await readFile(path.join(root, 'dist', file), 'utf8').catch(() => '');
    if (fresh !== committed) stale.push(`dist/${file}`);
  }
  const mode = (await stat(path.join(root, 'dist', 'trainyard.js')).catch(() => null))?.mode ?? 0;
  if ((mode & 0o111) === 0) stale.push('dist/trainyard.js (not executable; the package\'s bin must be)');
  await rm(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`stale bundle: ${stale.join(', ')}; run npm run build and commit dist/`);
    process.exit(1);
  }
  console.log('dist/ is current');
}
