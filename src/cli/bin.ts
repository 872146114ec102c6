import module from 'node:module';

// Node 22.1 and later keep compiled code between runs (the actions run Node 24): a
// command starts sooner the second time. Enabled before the CLI's modules load.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main } = await import('./main.ts');
const { processIo } = await import('./io.ts');
process.exitCode = await main(process.argv.slice(2), processIo());
