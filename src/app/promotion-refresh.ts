/**
 * The check-run fallback of the gate, refreshed when its facts change (a review, a
 * newly registered version): only for a commit that has a candidate version, so
 * commits that never became a version get no promotion check, and only until the
 * version has a recorded decision for the environment: after that the check shows the
 * decision the gate made (and a later champion must not rewrite it).
 */
import type { TrainyardConfig } from '../config/schema.ts';
import type { Repo } from '../github/repo.ts';
import { decideGate, type GateDecision } from '../promotion/gate.ts';
import { environmentOf } from './config.ts';
import type { AppDeps } from './deps.ts';
import { gatherGateFacts } from './promotion-facts.ts';
import { publishPromotionCheck } from './promotion.ts';

export async function refreshPromotionCheck(repo: Repo, config: TrainyardConfig, sha: string, pullRequests: number[], deps: AppDeps): Promise<GateDecision | null> {
  const environments = [...new Set(Object.values(config.models).map(environmentOf))];
  for (const environment of environments) {
    const gathered = await gatherGateFacts(repo, config, { environment, sha, pullRequests }, deps);
    if (!gathered.candidate) continue;
    const history = await gathered.registry!.registry.history(gathered.candidate.model, environment);
    if (history.some((p) => p.version === gathered.candidate!.version)) return null;
    const decision = decideGate(gathered.facts);
    await publishPromotionCheck(repo, sha, decision, deps);
    return decision;
  }
  return null;
}
