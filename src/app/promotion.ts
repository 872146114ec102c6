/**
 * The promotion gate end to end: gather the facts, decide, record the decision in the
 * registry, answer the deployment protection rule (once: claimed, and the claim is
 * released when the answer fails so a redelivery can answer), and publish the same
 * decision as the check run `trainyard / promotion` on the deployed commit.
 */
import { PROMOTION_CHECK } from '../deploy/promotion-check.ts';
import type { TrainyardConfig } from '../config/schema.ts';
import { describeThrown } from '../errors.ts';
import { claimOnce, releaseClaim } from '../github/claims.ts';
import { upsertCheck } from '../github/checks.ts';
import type { Repo } from '../github/repo.ts';
import { decideGate, type GateDecision } from '../promotion/gate.ts';
import { botLogin, type AppDeps } from './deps.ts';
import { gatherGateFacts, type GateRequest } from './promotion-facts.ts';

export interface ProtectionRule extends GateRequest {
  runId: number;
  callbackUrl: string;
  deploymentId: number;
  runUrl: string | null;
}

export interface GateOutcome {
  decision: GateDecision;
  answered: boolean;
  recorded: boolean;
}

function checkSummary(decision: GateDecision): string {
  const lines = [decision.comment, ''];
  if (decision.reasons.length) lines.push('Reasons:', ...decision.reasons.map((r) => `- ${r}`));
  return lines.join('\n');
}

export async function publishPromotionCheck(repo: Repo, sha: string, decision: GateDecision, deps: AppDeps): Promise<void> {
  await upsertCheck(repo, {
    name: PROMOTION_CHECK,
    headSha: sha,
    conclusion: decision.state === 'approved' ? 'success' : 'failure',
    title: decision.state === 'approved' ? 'Promotion approved' : 'Promotion rejected',
    summary: checkSummary(decision),
  }, deps.appSlug);
}

/** Evaluates the gate for a commit without a protection rule (the check-run fallback). */
export async function evaluatePromotionCheck(repo: Repo, config: TrainyardConfig | null, request: GateRequest, configProblem: string | null, deps: AppDeps): Promise<GateDecision> {
  const gathered = config ? await gatherGateFacts(repo, config, request, deps) : null;
  const decision = decideGate(gathered?.facts ?? emptyFacts(request, configProblem ?? 'no config'));
  await publishPromotionCheck(repo, request.sha, decision, deps);
  return decision;
}

function emptyFacts(request: GateRequest, problem: string): Parameters<typeof decideGate>[0] {
  return { model: null, version: null, environment: request.environment, comparison: null, review: null, pullRequest: null, requiredApprovals: 1, validation: null, problems: [problem] };
}

export async function answerProtectionRule(repo: Repo, config: TrainyardConfig | null, rule: ProtectionRule, configProblem: string | null, deps: AppDeps): Promise<GateOutcome> {
  const gathered = config ? await gatherGateFacts(repo, config, rule, deps) : null;
  let decision = decideGate(gathered?.facts ?? emptyFacts(rule, configProblem ?? 'no config'));
  const key = `gate:${rule.runId}:${rule.environment}:${rule.deploymentId}`;
  if (!(await claimOnce(repo, key, rule.sha))) return { decision, answered: false, recorded: false };
  let recorded = false;
  try {
    if (gathered?.registry && gathered.candidate) {
      try {
        await gathered.registry.registry.promote({
          model: gathered.candidate.model, version: gathered.candidate.version, environment: rule.environment, decision: decision.state,
          approvers: decision.approvers, gate: decision.gate, reason: decision.reasons.join('; ') || 'every gate passed', runUrl: rule.runUrl, actor: botLogin(deps),
        });
        recorded = true;
      } catch (error) {
        if (decision.state === 'approved') decision = decideGate({ ...gathered.facts, problems: [...gathered.facts.problems, `recording the decision: ${describeThrown(error)}`] });
      }
    }
    await repo.octokit.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule', {
      owner: repo.owner, repo: repo.repo, run_id: rule.runId, environment_name: rule.environment, state: decision.state, comment: decision.comment,
    });
  } catch (error) {
    await releaseClaim(repo, key).catch(() => undefined);
    throw error;
  }
  await publishPromotionCheck(repo, rule.sha, decision, deps);
  return { decision, answered: true, recorded };
}
