/**
 * `npm run sandbox` (`npx tsx app/sandbox.ts --scenario lifecycle …`): the same as
 * `trainyard sandbox …` (src/cli/commands/sandbox.ts), run from the checkout.
 */
import { processIo } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

process.exitCode = await main(['sandbox', ...process.argv.slice(2)], processIo());
