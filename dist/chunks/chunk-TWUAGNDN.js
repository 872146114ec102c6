#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  formatBytes,
  formatNumber
} from "./chunk-W2DRLS5N.js";
import {
  MODEL_NAME
} from "./chunk-QBY6N5LK.js";
import {
  external_exports
} from "./chunk-POXGZ53D.js";
import {
  require_dist
} from "./chunk-EA7JVYYM.js";
import {
  EXIT,
  TrainyardError,
  UsageError,
  exitCodeOfHttpStatus
} from "./chunk-BEL2JVQX.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/registry/card.ts
var import_yaml = __toESM(require_dist(), 1);

// src/registry/card-schema.ts
var versionFile = external_exports.strictObject({
  path: external_exports.string().min(1),
  role: external_exports.enum(["model", "metrics", "predictions", "lineage", "profile"]),
  bytes: external_exports.int().nonnegative(),
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/)
});
var lineage = external_exports.strictObject({
  commit: external_exports.string().nullable(),
  command: external_exports.string(),
  seed: external_exports.number(),
  params: external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])),
  data: external_exports.array(external_exports.strictObject({ path: external_exports.string(), bytes: external_exports.number(), sha256: external_exports.string() })),
  durationSeconds: external_exports.number(),
  runner: external_exports.string().nullable()
});
var profile = external_exports.strictObject({
  rows: external_exports.number().nullable(),
  columns: external_exports.array(external_exports.strictObject({ name: external_exports.string(), type: external_exports.string().nullable(), nulls: external_exports.number().nullable() }))
});
var cardSchema = external_exports.strictObject({
  trainyard: external_exports.literal(1),
  model: external_exports.string(),
  version: external_exports.int().positive(),
  task: external_exports.string().nullable(),
  description: external_exports.string().nullable(),
  intendedUse: external_exports.string().nullable(),
  limitations: external_exports.string().nullable(),
  createdAt: external_exports.string(),
  commit: external_exports.string().nullable(),
  runUrl: external_exports.string().nullable(),
  contentSha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  files: external_exports.array(versionFile).min(1),
  lineage: lineage.nullable(),
  profile: profile.nullable()
});

// src/registry/card.ts
var FENCE = "---";
function section(title, lines) {
  return lines.length === 0 ? [] : [`## ${title}`, "", ...lines, ""];
}
function metricLines(card) {
  const names = Object.keys(card.metrics).sort();
  if (names.length === 0) return [];
  return ["| metric | value |", "| --- | ---: |", ...names.map((name) => `| ${name} | ${formatNumber(card.metrics[name])} |`)];
}
function lineageLines(card) {
  const lineage2 = card.lineage;
  if (!lineage2) return [];
  const params = Object.entries(lineage2.params).map(([key, value]) => `${key}=${String(value)}`).join(", ");
  return [
    `- commit: ${lineage2.commit ? `\`${lineage2.commit}\`` : "unknown"}`,
    `- command: \`${lineage2.command}\` (seed ${lineage2.seed}${params ? `; ${params}` : ""})`,
    `- trained in ${lineage2.durationSeconds} s${lineage2.runner ? ` on ${lineage2.runner}` : ""}`,
    ...lineage2.data.map((file) => `- data: \`${file.path}\` (${formatBytes(file.bytes)}, sha256 \`${file.sha256.slice(0, 12)}\`)`)
  ];
}
function profileLines(card) {
  const profile2 = card.profile;
  if (!profile2) return [];
  const head = profile2.rows === null ? [] : [`${profile2.rows.toLocaleString("en-US")} rows.`, ""];
  if (profile2.columns.length === 0) return head;
  return [...head, "| column | type | nulls |", "| --- | --- | ---: |", ...profile2.columns.map((column) => `| ${column.name} | ${column.type ?? ""} | ${column.nulls ?? ""} |`)];
}
function fileLines(card) {
  return ["| file | role | size | sha256 |", "| --- | --- | ---: | --- |", ...card.files.map((file) => `| \`${file.path}\` | ${file.role} | ${formatBytes(file.bytes)} | \`${file.sha256.slice(0, 12)}\` |`)];
}
function renderCard(card) {
  const front = (0, import_yaml.stringify)({ trainyard: 1, ...card }, { lineWidth: 0 }).trimEnd();
  return [
    FENCE,
    front,
    FENCE,
    `# ${card.model} v${card.version}`,
    "",
    ...card.description ? [card.description, ""] : [],
    `Task: ${card.task ?? "unspecified"}. Registered ${card.createdAt}${card.runUrl ? ` by [this run](${card.runUrl})` : ""}.`,
    "",
    ...section("Metrics", metricLines(card)),
    ...section("Intended use", card.intendedUse ? [card.intendedUse] : []),
    ...section("Limitations", card.limitations ? [card.limitations] : []),
    ...section("Lineage", lineageLines(card)),
    ...section("Training data profile", profileLines(card)),
    ...section("Files", fileLines(card))
  ].join("\n");
}
function parseCard(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (lines[0] !== FENCE) return null;
  const end = lines.indexOf(FENCE, 1);
  if (end < 0) return null;
  let front;
  try {
    front = (0, import_yaml.parse)(lines.slice(1, end).join("\n"));
  } catch {
    return null;
  }
  const result = cardSchema.safeParse(front);
  if (!result.success) return null;
  const card = { ...result.data };
  delete card.trainyard;
  return card;
}

// src/registry/names.ts
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
function checkModelName(model) {
  if (!MODEL_NAME.test(model)) {
    throw new UsageError(`model name "${model}" is not usable in a tag; expected lowercase letters, digits, ".", "_" or "-" (at most 63, starting with a letter or digit)`);
  }
  return model;
}
function checkEnvironmentName(environment) {
  if (!ENVIRONMENT_NAME.test(environment)) {
    throw new UsageError(`environment name "${environment}" is not usable in a tag; expected letters, digits, ".", "_" or "-" (at most 63)`);
  }
  return environment;
}
function versionTag(model, version) {
  return `${model}@v${version}`;
}
function promotionTag(model, environment, sequence) {
  return `${model}#${environment}#${sequence}`;
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function parseVersionTag(model, tag) {
  const match = new RegExp(`^${escape(model)}@v([1-9][0-9]{0,8})$`).exec(tag);
  return match ? Number(match[1]) : null;
}
function parsePromotionTag(model, tag) {
  const match = new RegExp(`^${escape(model)}#([A-Za-z0-9][A-Za-z0-9._-]*)#([1-9][0-9]{0,8})$`).exec(tag);
  return match ? { environment: match[1], sequence: Number(match[2]) } : null;
}
function parseVersionNumber(text, what = "--version") {
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`${what} "${text}" is not a version number; expected a whole number from 1`);
  return Number(text);
}

// src/registry/errors.ts
var RegistryError = class extends TrainyardError {
  location;
  constructor(location, message, options = {}) {
    super(`${location}: ${message}`, options);
    this.location = location;
  }
};
var DigestMismatchError = class extends RegistryError {
  constructor(location, message, options = {}) {
    super(location, message, { exitCode: EXIT.failure, ...options });
  }
};
var GitHubApiError = class extends RegistryError {
  status;
  constructor(location, message, status, cause) {
    super(location, `${message} (HTTP ${status})`, { cause, exitCode: exitCodeOfHttpStatus(status) });
    this.status = status;
  }
};

// src/registry/promotion-record.ts
var import_yaml2 = __toESM(require_dist(), 1);
var promotionSchema = external_exports.strictObject({
  model: external_exports.string(),
  environment: external_exports.string(),
  sequence: external_exports.int().positive(),
  version: external_exports.int().positive(),
  decision: external_exports.enum(["approved", "rejected"]),
  approvers: external_exports.array(external_exports.string()),
  gate: external_exports.strictObject({ passed: external_exports.boolean(), summary: external_exports.string() }),
  reason: external_exports.string(),
  runUrl: external_exports.string().nullable(),
  actor: external_exports.string().nullable(),
  at: external_exports.string(),
  kind: external_exports.enum(["gate", "deploy"]).optional()
});
function readPromotion(value) {
  const result = promotionSchema.safeParse(value);
  return result.success ? result.data : null;
}
function promotionSubject(promotion) {
  const verb = promotion.decision === "approved" ? "Promote" : "Reject promoting";
  return `${verb} ${promotion.model} v${promotion.version} to ${promotion.environment}`;
}
function renderPromotionMessage(promotion) {
  return `${promotionSubject(promotion)}

${(0, import_yaml2.stringify)(promotion, { lineWidth: 0 })}`;
}
function parsePromotionMessage(message) {
  const blank = message.indexOf("\n\n");
  if (blank < 0) return null;
  try {
    return readPromotion((0, import_yaml2.parse)(message.slice(blank + 2)));
  } catch {
    return null;
  }
}
function championOf(history, environment) {
  let best = null;
  for (const promotion of history) {
    if (promotion.environment !== environment || promotion.decision !== "approved" || promotion.kind === "gate") continue;
    if (!best || promotion.sequence > best.sequence) best = promotion;
  }
  return best;
}
function sortHistory(history) {
  return [...history].sort((a, b) => a.at.localeCompare(b.at) || a.environment.localeCompare(b.environment) || a.sequence - b.sequence);
}

// src/registry/shared.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
function buildCard(request, version, createdAt) {
  const { content, text } = request;
  return {
    model: request.model,
    version,
    ...text,
    createdAt,
    commit: request.commit,
    runUrl: request.runUrl,
    contentSha256: content.contentSha256,
    metrics: content.metrics,
    files: content.files.map(({ path: file, role, bytes, sha256 }) => ({ path: file, role, bytes, sha256 })),
    lineage: content.lineage,
    profile: content.profile
  };
}
async function resolveVersion(registry, model, ref) {
  checkModelName(model);
  const versions = await registry.versions(model);
  let wanted;
  if ("environment" in ref) {
    checkEnvironmentName(ref.environment);
    const champion = championOf(await registry.history(model, ref.environment), ref.environment);
    if (!champion) throw new RegistryError(registry.location, `${model} has no version promoted to "${ref.environment}"`);
    wanted = champion.version;
  } else {
    wanted = ref.version;
  }
  const found = versions.find((version) => version.version === wanted);
  if (!found) {
    const known = versions.map((version) => `v${version.version}`).join(", ") || "none";
    throw new RegistryError(registry.location, `${model} has no version ${wanted}; registered: ${known}`);
  }
  return found;
}
function selectFiles(location, version, only) {
  const files = version.card.files;
  if (!only) return files;
  const matches = (file, name) => {
    const wanted = name.replace(/^\.\//, "").replace(/\/+$/, "");
    return file.path === wanted || file.path.startsWith(`${wanted}/`);
  };
  const missing = only.find((name) => !files.some((file) => matches(file, name)));
  if (missing !== void 0) {
    throw new RegistryError(location, `${version.tag} has no file "${missing}"; it has: ${files.map((file) => file.path).join(", ")}`);
  }
  return files.filter((file) => only.some((name) => matches(file, name)));
}
async function downloadInto(dir, write) {
  if (await stat(dir).catch(() => null)) throw new UsageError(`${dir}: already exists; expected a new folder to download into`);
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = path.join(path.dirname(dir), `.${path.basename(dir)}.partial-${randomBytes(4).toString("hex")}`);
  await mkdir(staging);
  try {
    const result = await write(staging);
    await rename(staging, dir);
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export {
  RegistryError,
  DigestMismatchError,
  GitHubApiError,
  renderCard,
  parseCard,
  checkModelName,
  checkEnvironmentName,
  versionTag,
  promotionTag,
  parseVersionTag,
  parsePromotionTag,
  parseVersionNumber,
  readPromotion,
  renderPromotionMessage,
  parsePromotionMessage,
  championOf,
  sortHistory,
  buildCard,
  resolveVersion,
  selectFiles,
  downloadInto
};
