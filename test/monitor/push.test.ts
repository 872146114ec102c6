import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { groupingSegment, PushError, pushMetrics, pushUrl } from '../../src/monitor/push.ts';
import { result } from './results.ts';

const churn = result('churn', [{ week: '2026-01-05', auc: 0.8, estimatedAuc: 0.79 }]);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function gateway(status = 200): Promise<{ url: string; requests: { method: string; url: string; type: string; body: string }[] }> {
  const requests: { method: string; url: string; type: string; body: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end(status === 200 ? '' : 'text format parsing error in line 3: bad\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('pushMetrics', () => {
  it('PUTs the Prometheus text format to the model group of job trainyard', async () => {
    const gw = await gateway();
    await pushMetrics(`${gw.url}/`, churn, '4');
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]).toMatchObject({ method: 'PUT', url: '/metrics/job/trainyard/model/churn', type: 'text/plain; version=0.0.4; charset=utf-8' });
    expect(gw.requests[0]!.body).toContain('trainyard_model_metric{model="churn",version="4",metric="roc_auc",kind="realized"} 0.8\n');
    expect(gw.requests[0]!.body).not.toContain('# EOF');
  });

  it('keeps a path prefix and base64-encodes model names the path cannot carry', async () => {
    expect(pushUrl('https://gw.example/prefix/', 'team/fraud').href).toBe('https://gw.example/prefix/metrics/job/trainyard/model@base64/dGVhbS9mcmF1ZA');
    expect(pushUrl('http://gw:9091', 'churn v2').pathname).toBe('/metrics/job/trainyard/model/churn%20v2');
    expect(groupingSegment('model', '')).toBe('model@base64/=');
  });

  it('a URL that is not http(s) is a usage error naming it', async () => {
    for (const bad of ['pushgateway:9091', 'not a url', 'ftp://gw:21', 'http://gw:9091/?x=1']) {
      const thrown = await pushMetrics(bad, churn, null).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).exitCode).toBe(2);
      expect((thrown as Error).message).toContain(bad);
    }
  });

  it('an unreachable gateway or a refused push is a service failure, exit 3', async () => {
    const gw = await gateway();
    await closers.pop()!();
    const unreachable = await pushMetrics(gw.url, churn, null).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(PushError);
    expect((unreachable as PushError).exitCode).toBe(3);
    expect((unreachable as Error).message).toMatch(/cannot reach it \(ECONNREFUSED\)/);
    const refusing = await gateway(400);
    const refused = await pushMetrics(refusing.url, churn, null).catch((e: unknown) => e);
    expect((refused as Error).message).toContain('HTTP 400 (text format parsing error in line 3: bad)');
  });
});
