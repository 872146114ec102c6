#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  call
} from "./chunk-WGP73VIT.js";
import {
  TrainyardError
} from "./chunk-5WCRJWUQ.js";

// src/deploy/promotion-check.ts
var PROMOTION_CHECK = "trainyard / promotion";
async function requirePromotionCheck(context, commit) {
  const { data } = await call(
    context,
    `reading check runs of ${commit}`,
    () => context.octokit.rest.checks.listForRef({ owner: context.owner, repo: context.repo, ref: commit, check_name: PROMOTION_CHECK, filter: "latest" })
  );
  const run = [...data.check_runs].sort((a, b) => (b.started_at ?? "").localeCompare(a.started_at ?? ""))[0];
  if (!run) throw new TrainyardError(`${context.location}: commit ${commit} has no "${PROMOTION_CHECK}" check; refusing to deploy`, { exitCode: 1 });
  if (run.status !== "completed" || run.conclusion !== "success") {
    const state = run.status === "completed" ? `concluded ${run.conclusion ?? "without a conclusion"}` : `is ${run.status}`;
    throw new TrainyardError(`${context.location}: "${PROMOTION_CHECK}" on ${commit} ${state}; refusing to deploy`, { exitCode: 1 });
  }
}

export {
  PROMOTION_CHECK,
  requirePromotionCheck
};
