/**
 * How users reference trainyard's actions and reusable workflows. The release tag is
 * the moving major tag, so callers get fixes without editing their workflows; the
 * reusable workflows reference the actions at the same tag.
 */
export const TRAINYARD_REPOSITORY = 'trainyard/trainyard';
export const RELEASE_REF = 'v1';

/** The `uses:` value of a reusable workflow, such as trainyard/trainyard/.github/workflows/trainyard-pr.yml@v1. */
export function reusableWorkflowRef(file: string): string {
  return `${TRAINYARD_REPOSITORY}/.github/workflows/${file}@${RELEASE_REF}`;
}

/** Where editors fetch the config's JSON Schema from, at the release tag. */
export const CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/${TRAINYARD_REPOSITORY}/${RELEASE_REF}/schema/trainyard.schema.json`;

/** A page of trainyard's documentation at the release tag, for messages and generated files. */
export function docsUrl(page: string): string {
  return `https://github.com/${TRAINYARD_REPOSITORY}/blob/${RELEASE_REF}/docs/${page}`;
}
