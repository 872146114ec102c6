/**
 * The file set of `trainyard init` and the steps that follow it. The config is parsed
 * with the loader's own schema before it is offered, so init never writes a config
 * that `trainyard config check` would refuse.
 */
import { parseConfig } from '../config/load.ts';
import { renderCallers } from './render-callers.ts';
import { RELEASE_REF, TRAINYARD_REPOSITORY, docsUrl } from '../workflows/refs.ts';
import { renderConfig } from './render-config.ts';
import type { InitChoices, InitPlan, PlannedFile } from './types.ts';

export const CONFIG_FILE = '.github/trainyard.yml';

function nextSteps(choices: InitChoices): string[] {
  const steps = [
    `Run the pipeline here: \`npx trainyard config check\`, then \`npx trainyard run\`.`,
    `Register your own trainyard GitHub App (there is no public one): \`npx trainyard app create --owner <you or your organisation>\`, then install it on this repository (${docsUrl('app.md')}).`,
    `Create the environment "${choices.environment}" (Settings > Environments) and enable the App's deployment protection rule (${docsUrl('app.md')}).`,
    `Add a self-hosted runner with the labels ${choices.runsOn.join(', ')} (https://github.com/${TRAINYARD_REPOSITORY}/blob/${RELEASE_REF}/runner-images/README.md).`,
    `Create the label "trainyard:safe-to-train"; a maintainer applies it to let a fork's pull request train (${docsUrl('security.md')}).`,
    `Review the metric gate under models.${choices.model}.metrics.policy in ${CONFIG_FILE}, then run \`trainyard config check\`.`,
  ];
  if (choices.releaseBranchFrom === 'local') steps.push(`Releases run on "${choices.defaultBranch}" (this checkout has no origin/HEAD); if the repository's default branch differs, edit .github/workflows/trainyard-release.yml.`);
  if (!choices.schema) steps.push(`Add a data schema and point models.${choices.model}.data.schema at it, so pull requests validate the data.`);
  if (choices.production) steps.push(`Point models.${choices.model}.monitoring at the prediction log for trainyard-monitor.yml, and let GitHub Actions create pull requests (Settings > Actions > General) so monitoring can open the retraining pull request (${docsUrl('monitoring-github.md')}).`);
  if (!choices.production) steps.push(`Add production data as models.${choices.model}.data.production to monitor drift (trainyard-drift.yml was not written).`);
  steps.push('Commit the files and open a pull request.');
  return steps;
}

/**
 * The files init writes. `inferredSchema` is a data schema inferred from the training
 * data (`trainyard schema infer`) when the repository had none: it is written too, and
 * the config points at it.
 */
export function planInit(found: InitChoices, inferredSchema?: PlannedFile): InitPlan {
  const choices = inferredSchema && !found.schema ? { ...found, schema: inferredSchema.path } : found;
  const config = renderConfig(choices);
  parseConfig(config, CONFIG_FILE);
  const schemaFiles = inferredSchema && !found.schema ? [inferredSchema] : [];
  return { choices, files: [{ path: CONFIG_FILE, content: config }, ...schemaFiles, ...renderCallers(choices)], nextSteps: nextSteps(choices) };
}
