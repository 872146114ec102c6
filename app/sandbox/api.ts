/**
 * What `trainyard sandbox` loads, lazily and only from a checkout: the lifecycle and
 * its one-screen summary. The CLI imports this file by computed path, so neither it nor
 * the simulator it starts (test/sim) is bundled into dist/.
 */
import type { LifecycleReport } from './lifecycle.ts';

export { LifecycleError, runLifecycle, type LifecycleOptions, type LifecycleReport } from './lifecycle.ts';

export function summarise(report: LifecycleReport): string {
  return [
    `comment ${report.comment.id}: ${report.comment.updates} updates`,
    `check ${report.check.name}: ${report.check.conclusion ?? 'none'}`,
    `gate: ${report.gate.state}: ${report.gate.comment ?? ''}`,
    `release ${report.release.tag}, promotion ${report.promotion.tag}`,
    `retraining pull request #${report.retrainingPr.number} on ${report.retrainingPr.branch}`,
    `duplicates ${report.duplicates}, App API calls ${report.apiCalls}, faults injected ${report.faultsInjected}`,
  ].join('\n');
}
