/**
 * The App's HTTP surface: webhooks through Probot's middleware, `GET /ping` answering
 * `PONG` (what Probot's own server answers, for load balancers and the container's
 * HEALTHCHECK), `GET /metrics` with the App's Prometheus metrics when it has a
 * registry, 404 for everything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;

export function appRequestListener(middleware: Middleware, metrics?: Registry) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/ping') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && metrics) {
      metrics.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`),
      );
      return;
    }
    void middleware(req, res, () => res.writeHead(404).end());
  };
}
