/**
 * docs/workflows.md, generated from reusable-workflows/: each workflow's purpose (its
 * leading comment), inputs, and jobs with their permissions, so the page cannot drift
 * from what the workflows accept and ask for.
 */
import { parse } from 'yaml';
import { reusableWorkflowRef } from '../workflows/refs.ts';
import { cell, codeCell, table } from './markdown.ts';

interface WorkflowInput {
  description?: string;
  type?: string;
  required?: boolean;
  default?: unknown;
}

interface WorkflowJob {
  name?: string;
  permissions?: Record<string, string> | string;
  environment?: { name?: string } | string;
}

interface WorkflowFile {
  name?: string;
  on?: { workflow_call?: { inputs?: Record<string, WorkflowInput> } };
  jobs?: Record<string, WorkflowJob>;
}

export interface WorkflowSource {
  file: string;
  text: string;
}

function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^#\s?/, ''));
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

function permissionsOf(job: WorkflowJob): string {
  if (typeof job.permissions === 'string') return `\`${job.permissions}\``;
  return Object.entries(job.permissions ?? {}).map(([scope, level]) => `${scope}: ${level}`).join(', ') || 'none';
}

function section(source: WorkflowSource): string[] {
  const workflow = parse(source.text) as WorkflowFile;
  const inputs = Object.entries(workflow.on?.workflow_call?.inputs ?? {}).map(([name, input]) => [
    `\`${name}\``,
    input.type ?? 'string',
    input.required ? 'required' : codeCell(input.default),
    cell(input.description),
  ]);
  const jobs = Object.entries(workflow.jobs ?? {}).map(([id, job]) => [
    `\`${id}\``,
    cell(job.name ?? id),
    permissionsOf(job),
    typeof job.environment === 'object' ? 'the `environment` input' : '',
  ]);
  return [
    `## ${workflow.name ?? source.file}`,
    '',
    `\`uses: ${reusableWorkflowRef(source.file)}\``,
    '',
    leadingComment(source.text),
    '',
    ...table(['input', 'type', 'default', 'meaning'], inputs),
    '',
    ...table(['job', 'does', 'permissions', 'environment'], jobs),
    '',
  ];
}

export function renderWorkflowReference(sources: WorkflowSource[]): string {
  return [
    '# Reusable workflows',
    '',
    'Call them from a workflow of your repository (`trainyard init` writes the callers).',
    'Runner labels are JSON lists in a string, such as `\'["self-hosted","gpu"]\'`.',
    'Every job declares its own least permissions; the caller\'s `permissions:` must',
    'grant at least the union of them. See [security](security.md) for the fork rule.',
    '',
    'This page is generated from `reusable-workflows/` (`npm run generate`).',
    '',
    ...sources.flatMap(section),
  ].join('\n');
}
