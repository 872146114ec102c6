/**
 * The promotion gate end to end: gather the facts, decide, answer the deployment
 * protection rule (once, under a lease), then publish the same decision as the check run
 * `trainyard / promotion` on the deployed commit and record it in the registry.
 */
import { PROMOTION_CHECK } from '../deploy/promotion-check.ts';
import type { TrainyardConfig } from '../config/schema.ts';
import { completeLease, leaseOutcome, releaseLease, takeLease } from '../github/claims.ts';
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

/** How long a replica answering the gate holds it before another delivery may take over. */
export const GATE_LEASE_MS = 10 * 60_000;

/** Records the gate's decision as answered (`kind: gate`, which moves no champion), once per run and environment. */
async function recordAnswer(gathered: NonNullable<Awaited<ReturnType<typeof gatherGateFacts>>>, rule: ProtectionRule, state: GateDecision['state'], decision: GateDecision, deps: AppDeps): Promise<boolean> {
  if (!gathered.registry || !gathered.candidate) return false;
  const { registry } = gathered.registry;
  const { history } = await registry.siftHistory(gathered.candidate.model, rule.environment);
  if (history.some((p) => p.kind === 'gate' && p.runUrl === rule.runUrl && p.version === gathered.candidate!.version)) return true;
  const agrees = state === decision.state;
  await registry.promote({
    model: gathered.candidate.model, version: gathered.candidate.version, environment: rule.environment, decision: state, kind: 'gate',
    approvers: agrees ? decision.approvers : [], gate: decision.gate,
    reason: agrees ? decision.reasons.join('; ') || 'every gate passed' : `GitHub accepted the answer ${state}; recorded on a later delivery`,
    runUrl: rule.runUrl, actor: botLogin(deps),
  });
  return true;
}

/**
 * Answers first, records after: the decision is recorded only once GitHub accepted the
 * answer, so the records never say what GitHub was not told. The gate is a lease
 * (claims.ts): a replica that dies holding it loses it when it expires, and the next
 * delivery takes over. Once answered, the lease is completed with the answer, and a
 * redelivery writes whatever record or check is missing from that answer (it never
 * answers again).
 */
export async function answerProtectionRule(repo: Repo, config: TrainyardConfig | null, rule: ProtectionRule, configProblem: string | null, deps: AppDeps): Promise<GateOutcome> {
  const gathered = config ? await gatherGateFacts(repo, config, rule, deps) : null;
  const decision = decideGate(gathered?.facts ?? emptyFacts(rule, configProblem ?? 'no config'));
  const key = `gate:${rule.runId}:${rule.environment}:${rule.deploymentId}`;
  const lease = await takeLease(repo, key, rule.sha, deps.gateLeaseMs ?? GATE_LEASE_MS, deps.now);
  if (!lease) {
    const answered = await leaseOutcome(repo, key);
    if (answered !== 'approved' && answered !== 'rejected') return { decision, answered: false, recorded: false };
    const recorded = gathered ? await recordAnswer(gathered, rule, answered, decision, deps) : false;
    return { decision, answered: false, recorded };
  }
  try {
    await repo.octokit.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule', {
      owner: repo.owner, repo: repo.repo, run_id: rule.runId, environment_name: rule.environment, state: decision.state, comment: decision.comment,
    });
  } catch (error) {
    await releaseLease(repo, lease).catch(() => undefined);
    throw error;
  }
  await completeLease(repo, lease, rule.sha, decision.state);
  await publishPromotionCheck(repo, rule.sha, decision, deps);
  const recorded = gathered ? await recordAnswer(gathered, rule, decision.state, decision, deps) : false;
  return { decision, answered: true, recorded };
}
