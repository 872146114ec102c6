#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  PROFILE_FORMAT,
  PROFILE_VERSION
} from "./chunk-JSRTAX6G.js";
import {
  external_exports
} from "./chunk-POXGZ53D.js";
import {
  DataError
} from "./chunk-BEL2JVQX.js";

// src/profile/read.ts
import { open, readFile } from "node:fs/promises";
var value = external_exports.union([external_exports.string(), external_exports.number()]);
var columnSchema = external_exports.object({
  name: external_exports.string(),
  type: external_exports.string(),
  kind: external_exports.enum(["numerical", "categorical", "datetime", "other"]),
  count: external_exports.number().int().nonnegative(),
  nulls: external_exports.number().int().nonnegative(),
  min: value.nullable(),
  max: value.nullable(),
  mean: external_exports.number().nullable(),
  m2: external_exports.number().nullable(),
  distinct: external_exports.number().int().nonnegative().nullable(),
  values: external_exports.array(external_exports.tuple([value, external_exports.number().int().nonnegative()])).nullable(),
  histogram: external_exports.object({ width: external_exports.number().positive(), start: external_exports.number().int(), counts: external_exports.array(external_exports.number().int().nonnegative()) }).nullable(),
  sample: external_exports.object({ seen: external_exports.number().int().nonnegative(), values: external_exports.array(value) })
});
var profileSchema = external_exports.object({
  format: external_exports.literal(PROFILE_FORMAT),
  version: external_exports.literal(PROFILE_VERSION),
  source: external_exports.string(),
  rows: external_exports.number().int().nonnegative(),
  sampleSize: external_exports.number().int().positive(),
  columns: external_exports.array(columnSchema)
});
function parseProfile(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${error.message}); expected a profile written by trainyard profile`);
  }
  const result = profileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DataError(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}; expected a profile written by trainyard profile`);
  }
  return result.data;
}
async function readProfile(file, shownAs = file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DataError(`${shownAs}: cannot read the profile (${error.code ?? "error"})`);
  }
  return parseProfile(text, shownAs);
}
async function looksLikeProfile(file) {
  if (!file.toLowerCase().endsWith(".json")) return false;
  let handle;
  try {
    handle = await open(file, "r");
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(`"${PROFILE_FORMAT}"`);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export {
  readProfile,
  looksLikeProfile
};
