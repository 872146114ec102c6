/**
 * The App in a GitHub Actions job, for teams that host no server: the workflow is
 * triggered by the event, and this hands the event's payload (GITHUB_EVENT_PATH) to the
 * same handlers, authenticated with the job's GITHUB_TOKEN. Comments and checks then
 * come from `github-actions[bot]`. The deployment gate is the exception: GitHub sends
 * `deployment_protection_rule` only to an App's webhook, so this mode never sees it and
 * refuses it when handed one (the check `trainyard / promotion` is the gate instead).
 * Probot 14's own `githubToken` option does the authentication (docs/architecture.md,
 * "Decisions", says why not @probot/adapter-github-actions).
 */
import { readFile } from 'node:fs/promises';
import { Probot, ProbotOctokit } from 'probot';
import { describeThrown } from '../src/errors.ts';
import { createApp, HANDLED_EVENTS } from './index.ts';

export interface ActionsIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The slug behind GITHUB_TOKEN: its checks carry `app.slug` `github-actions`, its comments `github-actions[bot]`. */
export const ACTIONS_APP_SLUG = 'github-actions';

const GATE_EVENT = 'deployment_protection_rule';

/**
 * Workflow events whose payload is another event's: `pull_request_target` carries the
 * `pull_request` payload, run with a writing token for fork pull requests too.
 */
export const EVENT_ALIASES: Record<string, string> = { pull_request_target: 'pull_request' };

/** The handler errors inside what `probot.receive` rejects with (an AggregateError of them). */
function failures(error: unknown): unknown[] {
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) && inner.length > 0 ? inner : [error];
}

/** A failure in one line; an Octokit error names its status and request, which its message alone does not. */
function describeFailure(error: unknown): string {
  const http = error as { status?: unknown; request?: { method?: string; url?: string } };
  const message = describeThrown(error);
  if (typeof http.status !== 'number' || !http.request?.url) return message;
  return `${message} (HTTP ${http.status} from ${http.request.method ?? 'GET'} ${new URL(http.request.url).pathname})`;
}

async function readPayload(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? describeThrown(error)}); expected the event payload GitHub Actions writes`, { cause: error });
  }
  try {
    const payload: unknown = JSON.parse(text);
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) return payload as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`GITHUB_EVENT_PATH ${file}: not a JSON object; expected the event payload GitHub Actions writes`);
}

/**
 * Handles the job's event; returns the exit code: 0 handled (or nothing to do), 1 a
 * handler failed (the job fails, so a re-run retries it), 2 misuse (no event, no token,
 * an unreadable payload, the deployment gate).
 */
export async function runInActions(io: ActionsIo, Octokit: typeof ProbotOctokit = ProbotOctokit): Promise<number> {
  const { env } = io;
  const trigger = env.GITHUB_EVENT_NAME;
  const name = trigger ? (EVENT_ALIASES[trigger] ?? trigger) : undefined;
  const token = env.GITHUB_TOKEN;
  if (!name || !env.GITHUB_EVENT_PATH) {
    io.stderr('::error::trainyard App: GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set; run this as a step of a GitHub Actions workflow (docs/app.md, "No server")\n');
    return 2;
  }
  if (name === GATE_EVENT) {
    io.stderr(`::error::trainyard App: ${GATE_EVENT} is not supported in the GitHub Actions mode: GitHub asks only an App's webhook to answer deployment protection rules; serve the App (npm run app or the container) or gate with the check "trainyard / promotion" (docs/app.md)\n`);
    return 2;
  }
  if (!token) {
    io.stderr('::error::trainyard App: GITHUB_TOKEN is not set; pass the job\'s token (the action\'s github-token input)\n');
    return 2;
  }
  let payload: Record<string, unknown>;
  try {
    payload = await readPayload(env.GITHUB_EVENT_PATH);
  } catch (error) {
    io.stderr(`::error::trainyard App: ${describeThrown(error)}\n`);
    return 2;
  }
  const action = typeof payload.action === 'string' ? payload.action : undefined;
  const key = action ? `${name}.${action}` : name;
  if (!(HANDLED_EVENTS as readonly string[]).includes(key)) {
    io.stdout(`trainyard App: nothing to do for ${key}; the App handles ${HANDLED_EVENTS.filter((e) => !e.startsWith(GATE_EVENT)).join(', ')}\n`);
    return 0;
  }
  const probot = new Probot({
    githubToken: token,
    Octokit,
    logLevel: (env.LOG_LEVEL ?? 'info') as 'info',
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
  });
  await probot.load(createApp({ appSlug: env.TRAINYARD_APP_SLUG || ACTIONS_APP_SLUG }));
  const id = `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  try {
    await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
  } catch (error) {
    for (const failure of failures(error)) io.stderr(`::error::trainyard App: ${key} failed: ${describeFailure(failure)}\n`);
    return 1;
  }
  io.stdout(`trainyard App: handled ${key}\n`);
  return 0;
}
