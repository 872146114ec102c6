#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  call
} from "./chunk-MVOFKLKI.js";
import {
  TrainyardError
} from "./chunk-BEL2JVQX.js";

// src/deploy/promotion-check.ts
var PROMOTION_CHECK = "trainyard / promotion";
async function requirePromotionCheck(context, commit, appId) {
  const runs = await call(
    context,
    `reading check runs of ${commit}`,
    () => context.octokit.paginate(context.octokit.rest.checks.listForRef, { owner: context.owner, repo: context.repo, ref: commit, check_name: PROMOTION_CHECK, app_id: appId, filter: "all", per_page: 100 })
  );
  const ours = runs.filter((r) => r.app?.id === appId && r.head_sha === commit && r.name === PROMOTION_CHECK);
  const run = ours.sort((a, b) => b.id - a.id)[0];
  if (!run) throw new TrainyardError(`${context.location}: commit ${commit} has no "${PROMOTION_CHECK}" check by App ${appId}; refusing to deploy`, { exitCode: 1 });
  if (run.status !== "completed" || run.conclusion !== "success") {
    const state = run.status === "completed" ? `concluded ${run.conclusion ?? "without a conclusion"}` : `is ${run.status}`;
    throw new TrainyardError(`${context.location}: "${PROMOTION_CHECK}" on ${commit} ${state}; refusing to deploy`, { exitCode: 1 });
  }
}

export {
  PROMOTION_CHECK,
  requirePromotionCheck
};
