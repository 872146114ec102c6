/**
 * The trainyard GitHub App: one handler per event, each a guard and a call into src/.
 * `createApp(options)` lets tests and the sandbox set the App's slug, limits and clock;
 * the default export is what `probot run` and app/server.ts load.
 */
import type { ApplicationFunction, Probot } from 'probot';
import { compareByThresholds } from '../src/comparison/threshold.ts';
import type { AppDeps } from '../src/app/deps.ts';
import { DEFAULT_ZIP_LIMITS } from '../src/github/zip-limits.ts';
import { checkRunAction } from './handlers/check-run-action.ts';
import { deploymentProtectionRule } from './handlers/deployment-protection-rule.ts';
import { issueComment } from './handlers/issue-comment.ts';
import { pullRequestReview } from './handlers/pull-request-review.ts';
import { pullRequestSynchronize } from './handlers/pull-request-synchronize.ts';
import { releasePublished } from './handlers/release-published.ts';
import { workflowRunCompleted } from './handlers/workflow-run.ts';
import { countDeliveries, createAppMetrics, instrumented, type AppMetrics } from './metrics.ts';

/** Every `<event>.<action>` the App handles; the Actions mode tells the others apart with it. */
export const HANDLED_EVENTS = [
  'workflow_run.completed',
  'deployment_protection_rule.requested',
  'pull_request_review.submitted',
  'pull_request_review.dismissed',
  'pull_request.synchronize',
  'check_run.requested_action',
  'issue_comment.created',
  'release.published',
] as const;

/**
 * The App with its metrics: `metrics` is where deliveries, handler latency, errors and
 * the rate limit left are counted (app/http.ts serves it at `/metrics`); without it the
 * App counts into a registry of its own that nothing serves.
 */
export function createApp(options: Partial<AppDeps> & { metrics?: AppMetrics } = {}): ApplicationFunction {
  return (app: Probot) => {
    const metrics = options.metrics ?? createAppMetrics({ processMetrics: false });
    const deps: AppDeps = {
      appSlug: options.appSlug ?? process.env.TRAINYARD_APP_SLUG ?? 'trainyard',
      limits: options.limits ?? DEFAULT_ZIP_LIMITS,
      compare: options.compare ?? compareByThresholds,
      now: options.now ?? (() => new Date()),
      ...(options.gateLeaseMs !== undefined ? { gateLeaseMs: options.gateLeaseMs } : {}),
    };
    countDeliveries(app, metrics);
    app.on('workflow_run.completed', instrumented(metrics, workflowRunCompleted(deps)));
    app.on('deployment_protection_rule.requested', instrumented(metrics, deploymentProtectionRule(deps)));
    app.on(['pull_request_review.submitted', 'pull_request_review.dismissed'], instrumented(metrics, pullRequestReview(deps)));
    app.on('pull_request.synchronize', instrumented(metrics, pullRequestSynchronize(deps)));
    app.on('check_run.requested_action', instrumented(metrics, checkRunAction(deps)));
    app.on('issue_comment.created', instrumented(metrics, issueComment(deps)));
    app.on('release.published', instrumented(metrics, releasePublished(deps)));
  };
}

export default createApp();
