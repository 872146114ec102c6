/**
 * Webhook deliveries to GitHub Apps: signed (`x-hub-signature-256`, HMAC-SHA256 of the
 * body with the App's webhook secret), identified (`x-github-event`,
 * `x-github-delivery`), validated against @octokit/webhooks-schemas, recorded, and
 * redeliverable on demand.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { SimApp } from './state/apps.ts';
import type { Clock } from './state/clock.ts';
import type { RepoState } from './state/repos.ts';
import type { SimUser } from './state/users.ts';
import { nodeId } from './state/ids.ts';
import type { SimState } from './state/store.ts';
import type { SimUrls } from './urls.ts';
import type { ViolationLog } from './violations.ts';
import { buildPayload } from './webhook-payload.ts';
import { validateWebhook } from './webhook-schemas.ts';
import { repository } from './views/repos.ts';
import { simpleUser } from './views/users.ts';

export interface Delivery {
  id: number;
  guid: string;
  event: string;
  action: string | undefined;
  appId: number;
  installationId: number | null;
  repositoryId: number | null;
  payload: Record<string, unknown>;
  redelivery: boolean;
  deliveredAt: string;
  /** The receiver's HTTP status; null when the connection failed. */
  statusCode: number | null;
  durationMs: number;
}

export interface EmitInput {
  event: string;
  action?: string;
  repo: RepoState;
  sender: SimUser;
  /** Event-specific fields (`pull_request`, `deployment`, …), laid over the example payload. */
  fields?: Record<string, unknown>;
}

/** `sha256=<hex>`: the value of `x-hub-signature-256` for `body`. */
export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The part of the simulator's context a delivery reads (the whole context, which holds the Webhooks, satisfies it). */
export interface WebhookContext {
  state: SimState;
  clock: Clock;
  urls: SimUrls;
  violations: ViolationLog;
}

export class Webhooks {
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly receivers = new Set<() => Promise<void>>();

  constructor(private readonly ctx: () => WebhookContext) {}

  /** Sends the event to every App installed on the repository and subscribed to it. */
  emit(input: EmitInput): Delivery[] {
    const ctx = this.ctx();
    const sent: Delivery[] = [];
    for (const app of ctx.state.apps.values()) {
      if (!app.webhook || !(app.events.includes('*') || app.events.includes(input.event))) continue;
      const installation = ctx.state.installationFor(app.id, input.repo);
      if (!installation) continue;
      const payload = buildPayload(input.event, input.action, {
        ...input.fields,
        repository: repository(ctx.urls, input.repo),
        sender: simpleUser(ctx.urls, input.sender),
        installation: { id: installation.id, node_id: nodeId('Installation', installation.id) },
      });
      sent.push(this.send(app, { event: input.event, action: input.action, payload, installationId: installation.id, repositoryId: input.repo.id }, false));
    }
    return sent;
  }

  /** Sends a recorded delivery again, as a new delivery marked `redelivery`. */
  redeliver(id: number): Delivery {
    const original = this.deliveries.find((d) => d.id === id || d.guid === String(id));
    if (!original) throw new Error(`no webhook delivery ${id}`);
    const app = this.ctx().state.apps.get(original.appId)!;
    return this.send(app, original, true);
  }

  /**
   * Resolves once every delivery in flight (and any they caused) has been answered, and
   * every receiver registered with `waitFor` is done with what they started.
   */
  async idle(): Promise<void> {
    do {
      while (this.pending.size > 0) await Promise.all([...this.pending]);
      for (const receiver of [...this.receivers]) await receiver();
    } while (this.pending.size > 0);
  }

  /**
   * A receiver that may go on working after it answered a delivery (Probot's middleware
   * answers 202 after 9 seconds and lets the handlers run on, as GitHub's 10-second limit
   * asks): `idle()` waits for it too. Returns the function that unregisters it.
   */
  waitFor(receiverIdle: () => Promise<void>): () => void {
    this.receivers.add(receiverIdle);
    return () => this.receivers.delete(receiverIdle);
  }

  private send(app: SimApp, input: Pick<Delivery, 'event' | 'action' | 'payload' | 'installationId' | 'repositoryId'>, redelivery: boolean): Delivery {
    const ctx = this.ctx();
    const problems = validateWebhook(input.event, input.action, input.payload);
    const at = `${input.event}${input.action ? `.${input.action}` : ''}`;
    if (problems.length > 0) ctx.violations.record({ kind: 'webhook', at, operationId: undefined, problems });
    const delivery: Delivery = {
      ...input,
      id: ctx.state.ids.next(),
      guid: randomUUID(),
      appId: app.id,
      redelivery,
      deliveredAt: ctx.clock.iso(),
      statusCode: null,
      durationMs: 0,
    };
    this.deliveries.push(delivery);
    const body = JSON.stringify(input.payload);
    const started = Date.now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/simulator',
      'x-github-event': input.event,
      'x-github-delivery': delivery.guid,
      'x-github-hook-id': String(app.id),
      'x-github-hook-installation-target-type': 'integration',
      'x-github-hook-installation-target-id': String(app.id),
      'x-hub-signature-256': signPayload(app.webhook!.secret, body),
      'x-hub-signature': `sha1=${createHmac('sha1', app.webhook!.secret).update(body).digest('hex')}`,
    };
    const task = fetch(app.webhook!.url, { method: 'POST', headers, body })
      .then(async (res) => {
        await res.arrayBuffer();
        delivery.statusCode = res.status;
      })
      .catch(() => {
        delivery.statusCode = null;
      })
      .finally(() => {
        delivery.durationMs = Date.now() - started;
        this.pending.delete(task);
      });
    this.pending.add(task);
    return delivery;
  }
}
