/**
 * Pushes a monitoring result to a Prometheus Pushgateway: `PUT
 * <gateway>/metrics/job/trainyard/model/<model>` with the Prometheus text format, so
 * each push replaces the model's group (the latest chunk, never a stale metric of an
 * earlier run). Grouping-key values that are empty or hold a `/` use the API's base64
 * form (`model@base64/<url-safe base64>`).
 */
import { ServiceError, UsageError } from '../errors.ts';
import { renderPrometheusText } from './openmetrics.ts';
import type { MonitorResult } from './types.ts';

export const PUSH_JOB = 'trainyard';
const PUSH_TIMEOUT_MS = 15_000;

/** The Pushgateway could not be reached or refused the push: a failure of a service (exit 3). */
export class PushError extends ServiceError {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/** One grouping-key segment: `name/value`, base64-encoded where the plain form cannot carry the value. */
export function groupingSegment(name: string, value: string): string {
  if (value === '' || value.includes('/')) return `${name}@base64/${Buffer.from(value, 'utf8').toString('base64url') || '='}`;
  return `${name}/${encodeURIComponent(value)}`;
}

/** The group URL of a model's metrics on the gateway; a URL that is not http(s) is a usage error. */
export function pushUrl(gateway: string, model: string): URL {
  let base: URL;
  try {
    base = new URL(gateway);
  } catch {
    throw new UsageError(`--push: "${gateway}" is not a URL; expected the Pushgateway's address, e.g. http://pushgateway:9091`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new UsageError(`--push: "${gateway}" is a ${base.protocol.replace(/:$/, '')} URL; expected http:// or https:// (the Pushgateway's address)`);
  }
  if (base.search || base.hash) throw new UsageError(`--push: "${gateway}" has a query or fragment; expected the Pushgateway's address, e.g. http://pushgateway:9091`);
  const path = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.origin}${path}/metrics/${groupingSegment('job', PUSH_JOB)}/${groupingSegment('model', model)}`);
}

/** Replaces the model's group on the gateway with the latest chunk's metrics. */
export async function pushMetrics(url: string, result: MonitorResult, version: string | null): Promise<void> {
  const target = pushUrl(url, result.model);
  const body = renderPrometheusText(result, version);
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new PushError(`Pushgateway ${target.origin}: cannot reach it (${cause}); the metrics of ${result.model} were not pushed`, error);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).trim().split('\n')[0]?.slice(0, 300) ?? '';
    throw new PushError(`Pushgateway ${target.origin}: PUT ${target.pathname} answered HTTP ${response.status}${text ? ` (${text})` : ''}; the metrics of ${result.model} were not pushed`);
  }
  await response.body?.cancel().catch(() => undefined);
}
