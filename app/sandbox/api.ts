/**
 * What `trainyard sandbox` loads, lazily and only from a checkout: the lifecycle and
 * its one-screen summary. The CLI imports this file by computed path, so neither it nor
 * the simulator it starts (sim/) is bundled into dist/.
 */
import type { AttacksReport } from './attacks.ts';
import type { LifecycleReport } from './lifecycle.ts';

export { runAttacks, type AttackCase, type AttacksReport } from './attacks.ts';

export { LifecycleError, runLifecycle, type LifecycleOptions, type LifecycleReport } from './lifecycle.ts';

/** The check run as GitHub shows it on the pull request's Checks tab: title, summary, details. */
export function renderCheck(check: LifecycleReport['check']): string {
  const parts = [`# ${check.name}: ${check.conclusion ?? 'no conclusion'}`, ''];
  if (check.title) parts.push(`## ${check.title}`, '');
  if (check.summary) parts.push(check.summary.trimEnd(), '');
  if (check.text) parts.push(check.text.trimEnd(), '');
  return `${parts.join('\n').trimEnd()}\n`;
}

/** One screen of what happened, then the comment and the check the App produced, in full. */
export function summarise(report: LifecycleReport): string {
  const rule = (title: string) => `\n──── ${title} ────\n`;
  return [
    ...summaryLines(report),
    rule(`the App's comment on the pull request (${report.comment.url}, ${report.comment.updates} updates)`),
    report.comment.body.trimEnd(),
    rule(`the App's check run "${report.check.name}"`),
    renderCheck(report.check).trimEnd(),
  ].join('\n');
}

/** The doctor's verdict in one line: how many promises are backed, and the ones that are not. */
function doctorLine(doctor: LifecycleReport['doctor']): string {
  const held = doctor.promises.filter((p) => p.holds).length;
  const missing = doctor.promises.filter((p) => !p.holds).map((p) => p.name);
  return `doctor ${doctor.repository}: ${held} of ${doctor.promises.length} promises backed${missing.length ? `; not backed: ${missing.join(', ')}` : ''}`;
}

function summaryLines(report: LifecycleReport): string[] {
  return [
    doctorLine(report.doctor),
    `comment ${report.comment.id}: ${report.comment.updates} updates`,
    `check ${report.check.name}: ${report.check.conclusion ?? 'none'}`,
    `gate: ${report.gate.state}: ${report.gate.comment ?? ''}`,
    `release ${report.release.tag}, promotion ${report.promotion.tag}`,
    `retraining pull request #${report.retrainingPr.number} on ${report.retrainingPr.branch}`,
    `retraining run ${report.retrainingComparison.runId}: ${report.retrainingComparison.conclusion}; its comparison on #${report.retrainingPr.number}: ${report.retrainingComparison.check ?? 'none'} (${report.retrainingComparison.title ?? ''}) ${report.retrainingComparison.comment}`,
    `monitoring run ${report.monitoring.runId}: ${report.monitoring.conclusion} (the latest chunk alerts); health issue #${report.monitoring.healthIssue.number} "${report.monitoring.healthIssue.title}" ${report.monitoring.healthIssue.state}, latest chunk ${report.monitoring.healthIssue.latestChunk.slice(0, 10)} with ${report.monitoring.healthIssue.alerts} alerts ${report.monitoring.healthIssue.url}`,
    `alert comments: ${report.monitoring.alertComments.length}${report.monitoring.alertComments.map((c) => `, mentioning ${c.mentions.join(' ') || 'no one'} ${c.url}`).join('')}`,
    `retraining pull request #${report.monitoring.retrainingPullRequest.number} with the monitoring evidence: ${report.monitoring.retrainingPullRequest.title} (${report.monitoring.retrainingPullRequest.evidence.kind} ${report.monitoring.retrainingPullRequest.evidence.metric}, ${report.monitoring.retrainingPullRequest.evidence.chunks} chunks since ${report.monitoring.retrainingPullRequest.evidence.since.slice(0, 10)})`,
    `retraining run ${report.monitoring.retrainingComparison.runId} on that evidence: ${report.monitoring.retrainingComparison.conclusion}; its comparison on #${report.monitoring.retrainingPullRequest.number}: ${report.monitoring.retrainingComparison.check ?? 'none'} (${report.monitoring.retrainingComparison.title ?? ''}) ${report.monitoring.retrainingComparison.comment}`,
    `workflow runs: ${report.workflowRuns.map((run) => `${run.workflow} (${run.event}) ${run.conclusion}`).join(', ')}`,
    `duplicates ${report.duplicates}, App API calls ${report.apiCalls}, faults injected ${report.faultsInjected}`,
  ];
}

/** One line per attack: refused or NOT REFUSED, its name, and GitHub's record of the answer. */
export function summariseAttacks(report: AttacksReport): string {
  const lines = report.cases.map((c) => `${c.refused ? 'refused    ' : 'NOT REFUSED'} ${c.name}\n            ${c.evidence}`);
  const held = report.cases.filter((c) => c.refused).length;
  return [...lines, `${held} of ${report.cases.length} attacks refused`].join('\n');
}
