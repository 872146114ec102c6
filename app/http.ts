/**
 * The App's HTTP surface: webhooks through Probot's middleware, `GET /ping` answering
 * `PONG` (what Probot's own server answers, for load balancers and the container's
 * HEALTHCHECK), 404 for everything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;

export function appRequestListener(middleware: Middleware) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/ping') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
      return;
    }
    void middleware(req, res, () => res.writeHead(404).end());
  };
}
