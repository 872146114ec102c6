#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/workflows/refs.ts
var TRAINYARD_REPOSITORY = "trainyard/trainyard";
var RELEASE_REF = "v1";
function reusableWorkflowRef(file) {
  return `${TRAINYARD_REPOSITORY}/.github/workflows/${file}@${RELEASE_REF}`;
}
var CONFIG_SCHEMA_URL = `https://raw.githubusercontent.com/${TRAINYARD_REPOSITORY}/${RELEASE_REF}/schema/trainyard.schema.json`;
function docsUrl(page) {
  return `https://github.com/${TRAINYARD_REPOSITORY}/blob/${RELEASE_REF}/docs/${page}`;
}

export {
  TRAINYARD_REPOSITORY,
  RELEASE_REF,
  reusableWorkflowRef,
  CONFIG_SCHEMA_URL,
  docsUrl
};
