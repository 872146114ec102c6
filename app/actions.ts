/**
 * The GitHub Actions mode's entry: `node dist/app-action.js` in the action
 * actions/app, or `npx tsx app/actions.ts` from a checkout. See app/actions-adapter.ts.
 */
import { runInActions } from './actions-adapter.ts';

process.exitCode = await runInActions({ env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
