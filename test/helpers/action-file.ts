/** Reading action.yml files in tests: the shape of the keys the tests look at. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface ActionFile {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export async function readAction(file: string): Promise<ActionFile> {
  return parse(await readFile(file, 'utf8')) as ActionFile;
}
