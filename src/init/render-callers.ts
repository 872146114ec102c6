/**
 * The caller workflows init writes into `.github/workflows/`: each triggers on the
 * repository's events and calls trainyard's reusable workflow at the release tag with
 * least permissions. They pass no secrets: deployment credentials belong to the
 * environment, where only the gated promotion job can read them.
 */
import { reusableWorkflowRef } from '../workflows/refs.ts';
import type { InitChoices, PlannedFile } from './types.ts';

const q = (value: string): string => JSON.stringify(value);
/** Runner labels as the JSON list string the reusable workflows take, in YAML single quotes. */
const labels = (runsOn: string[]): string => `'${JSON.stringify(runsOn).replace(/'/g, "''")}'`;

function caller(file: string, lines: string[]): PlannedFile {
  return { path: `.github/workflows/${file}`, content: [`# Written by \`trainyard init\`; calls ${reusableWorkflowRef(file)}.`, ...lines, ''].join('\n') };
}

/** The train job's Python setup: the dependency file init found, for a Python trainer. */
const python = (choices: InitChoices): string[] => (choices.pythonRequirements ? [`      python-requirements: ${q(choices.pythonRequirements)}`] : []);

function pullRequest(choices: InitChoices): PlannedFile {
  return caller('trainyard-pr.yml', [
    'name: trainyard pr',
    'on:',
    '  pull_request:',
    '    # labeled: a maintainer\'s trainyard:safe-to-train label lets a fork\'s pull request train.',
    '    types: [opened, synchronize, reopened, labeled]',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  pipeline:',
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef('trainyard-pr.yml')}`,
    '    permissions:',
    '      contents: read',
    '    with:',
    `      model: ${q(choices.model)}`,
    `      runner-labels: ${labels(choices.runsOn)}`,
    ...python(choices),
  ]);
}

function release(choices: InitChoices): PlannedFile {
  return caller('trainyard-release.yml', [
    'name: trainyard release',
    'on:',
    '  push:',
    `    branches: [${q(choices.defaultBranch)}]`,
    '  workflow_dispatch:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  release:',
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef('trainyard-release.yml')}`,
    '    permissions:',
    '      contents: write',
    '      deployments: write',
    '      checks: read',
    '    with:',
    `      model: ${q(choices.model)}`,
    `      environment: ${q(choices.environment)}`,
    `      runner-labels: ${labels(choices.runsOn)}`,
    ...python(choices),
  ]);
}

function retrain(choices: InitChoices): PlannedFile {
  return caller('trainyard-retrain.yml', [
    'name: trainyard retrain',
    'on:',
    '  # Dispatched by the trainyard App (drift, `/trainyard retrain`) or from the Actions tab.',
    '  workflow_dispatch:',
    '    inputs:',
    '      model:',
    '        description: The model to retrain',
    '        type: choice',
    `        options: [${q(choices.model)}]`,
    '        required: true',
    '      reason:',
    '        description: Why it is retrained',
    '        type: string',
    '        default: manual',
    '      data-snapshot:',
    '        description: The data snapshot to train on (empty means as committed)',
    '        type: string',
    '        default: ""',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  retrain:',
    '    name: ${{ inputs.model }}',
    `    uses: ${reusableWorkflowRef('trainyard-retrain.yml')}`,
    '    permissions:',
    '      contents: read',
    '    with:',
    '      model: ${{ inputs.model }}',
    '      reason: ${{ inputs.reason }}',
    '      data-snapshot: ${{ inputs.data-snapshot }}',
    `      runner-labels: ${labels(choices.runsOn)}`,
    ...python(choices),
  ]);
}

function drift(choices: InitChoices): PlannedFile {
  return caller('trainyard-drift.yml', [
    'name: trainyard drift',
    'on:',
    '  schedule:',
    `    - cron: ${q(choices.driftSchedule)}`,
    '  workflow_dispatch:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  drift:',
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef('trainyard-drift.yml')}`,
    '    permissions:',
    '      contents: read',
    '    with:',
    `      model: ${q(choices.model)}`,
    `      environment: ${q(choices.environment)}`,
  ]);
}

/** Production monitoring, daily: its sources and people to notify come from the model's `monitoring:` config. */
function monitor(choices: InitChoices): PlannedFile {
  return caller('trainyard-monitor.yml', [
    'name: trainyard monitor',
    'on:',
    '  schedule:',
    `    - cron: ${q(MONITOR_SCHEDULE)}`,
    '  workflow_dispatch:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  monitor:',
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef('trainyard-monitor.yml')}`,
    '    permissions:',
    '      contents: write',
    '      issues: write',
    '      pull-requests: write',
    '      actions: write',
    '    with:',
    `      model: ${q(choices.model)}`,
  ]);
}

/** Daily, an hour after midnight UTC. */
export const MONITOR_SCHEDULE = '17 1 * * *';

/** The callers; drift and production monitoring only when there is production data to monitor. */
export function renderCallers(choices: InitChoices): PlannedFile[] {
  return [pullRequest(choices), release(choices), retrain(choices), ...(choices.production ? [drift(choices), monitor(choices)] : [])];
}
