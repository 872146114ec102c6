/**
 * GitHub calls reusable workflows only from `.github/workflows/`, while their sources
 * live in `reusable-workflows/`. The copies are the sources behind one fixed header, so
 * `npm run generate -- --check` proves each copy equals its source.
 */

/** Where the workflow sources live, relative to the repository root. */
export const WORKFLOW_SOURCE_DIR = 'reusable-workflows';
/** Where GitHub looks for callable workflows. */
export const WORKFLOW_COPY_DIR = '.github/workflows';

/** The header of a copy: names its source, the same for every run of the generator. */
export function copyHeader(name: string): string {
  return `# Generated from ${WORKFLOW_SOURCE_DIR}/${name} by \`npm run generate\`; edit that file, not this copy.\n`;
}

/** The callable copy of the source workflow `name` (a file name such as trainyard-pr.yml). */
export function workflowCopy(name: string, source: string): string {
  return copyHeader(name) + source;
}

/** The source text inside a copy, or undefined when the copy lacks the header. */
export function sourceOfCopy(name: string, copy: string): string | undefined {
  const header = copyHeader(name);
  return copy.startsWith(header) ? copy.slice(header.length) : undefined;
}
