/**
 * The reference of `trainyard monitor` as the request runs it, and where it came from:
 * the one given (--reference, monitoring.reference), or by default the champion's
 * predictions on the model's evaluation rows, read from the model's registry.
 */
import type { MonitorModelContext, PendingMonitorRequest } from '../../monitor/options.ts';
import { championReference, evaluationOf } from '../../monitor/champion-reference.ts';
import type { MonitorRequest } from '../../monitor/run-monitor.ts';
import { describeSource } from '../../monitor/source.ts';
import type { RegistrySpec } from '../../registry/spec.ts';
import type { CliIo } from '../io.ts';
import { openRegistry } from '../registry-edge.ts';

export interface ReferenceOptions {
  config?: string;
  registry?: string;
  environment?: string;
}

const registryName = (spec: RegistrySpec): string => (spec.kind === 'local' ? `local:${spec.dir}` : `github:${spec.owner}/${spec.repo}`);

/** The request with its reference, and the reference's source; `dir` holds the champion's reference file while the run reads it. */
export async function withReference(io: CliIo, options: ReferenceOptions, context: MonitorModelContext | undefined, pending: PendingMonitorRequest, dir: string): Promise<{ request: MonitorRequest; source: string }> {
  const { reference } = pending;
  if (reference !== 'champion') {
    const source = 'kind' in reference ? describeSource(reference) : `the log between ${reference.since.toISOString()} and ${reference.until.toISOString()}`;
    return { request: { ...pending, reference }, source };
  }
  // resolveMonitorOptions answers `champion` only for a model of a config.
  const { name, model, root } = context!;
  evaluationOf(name, model);
  const opened = await openRegistry(io, {
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.registry !== undefined ? { registry: options.registry } : {}),
    need: `a github: registry needs a token with contents: read to read the champion of ${name}, whose evaluation predictions are the default reference (or give --reference)`,
  });
  const built = await championReference({
    registry: opened.registry,
    registryName: registryName(opened.spec),
    name,
    model,
    root,
    environment: options.environment ?? model.promotion?.environment ?? 'production',
    task: pending.task,
    columns: pending.columns,
    dir,
  });
  if (built.missing > 0) io.stderr(`trainyard: warning: the champion's predictions lack ${built.missing} evaluation row${built.missing === 1 ? '' : 's'} (the evaluation set changed since it was trained); the reference has the others\n`);
  return { request: { ...pending, reference: built.reference }, source: built.source };
}
