/**
 * The Actions results service a job's @actions/artifact talks to (ACTIONS_RESULTS_URL,
 * ACTIONS_RUNTIME_TOKEN): the twirp calls CreateArtifact and FinalizeArtifact, and the
 * signed blob URL the zip is uploaded to in blocks (Azure's Put Block and Put Block
 * List). A finalized zip is unpacked into the run's artifacts, beside those of
 * actions/upload-artifact, and reaches the simulator's artifact API with the run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_ZIP_LIMITS } from '../../src/github/zip-limits.ts';
import { readZip } from '../../src/github/zip-reader.ts';

interface Upload {
  run: string;
  name: string;
  blocks: Map<string, Buffer>;
  zip: Buffer | null;
}

export interface RunArtifacts {
  artifacts: Map<string, string>;
  dir: string;
  nextId: () => number;
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class ResultsService {
  private server: Server | undefined;
  private url = '';
  private readonly runs = new Map<string, RunArtifacts>();
  private readonly uploads = new Map<string, Upload>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, json }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(json === undefined ? '' : JSON.stringify(json));
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'internal', msg: error.message }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    this.server.unref();
  }

  close(): void {
    this.server?.close();
  }

  /** The environment a job's steps get for run `runId`, job `jobId`. */
  envFor(runId: number, jobId: string, run: RunArtifacts): Record<string, string> {
    this.runs.set(String(runId), run);
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ scp: `Actions.GenericRead Actions.Results:${runId}:${jobId}` })}.sim`;
    return { ACTIONS_RESULTS_URL: this.url, ACTIONS_RUNTIME_TOKEN: token };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; json?: unknown }> {
    const url = new URL(req.url ?? '/', this.url);
    const data = await body(req);
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      const request = JSON.parse(data.toString('utf8')) as Record<string, string>;
      const run = request.workflowRunBackendId ?? request.workflow_run_backend_id ?? '';
      const name = request.name ?? '';
      const key = `${run}/${name}`;
      const artifacts = this.runs.get(run);
      if (!artifacts) return { status: 404, json: { code: 'not_found', msg: `no workflow run ${run}` } };
      switch (url.pathname.slice(TWIRP.length)) {
        case 'CreateArtifact':
          if (artifacts.artifacts.has(name)) return { status: 409, json: { code: 'already_exists', msg: `an artifact with this name already exists on the workflow run: ${name}` } };
          this.uploads.set(key, { run, name, blocks: new Map(), zip: null });
          return { status: 200, json: { ok: true, signed_upload_url: `${this.url}sim/artifacts/${encodeURIComponent(run)}/${encodeURIComponent(name)}?sig=sim` } };
        case 'FinalizeArtifact': {
          const upload = this.uploads.get(key);
          if (!upload?.zip) return { status: 404, json: { code: 'not_found', msg: `artifact ${name} was not uploaded` } };
          const folder = path.join(artifacts.dir, `artifact-${name}`);
          rmSync(folder, { recursive: true, force: true });
          for (const [file, content] of readZip(upload.zip, `${name}.zip`, DEFAULT_ZIP_LIMITS, () => true)) {
            mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
            writeFileSync(path.join(folder, file), content);
          }
          mkdirSync(folder, { recursive: true });
          artifacts.artifacts.set(name, folder);
          this.uploads.delete(key);
          return { status: 200, json: { ok: true, artifact_id: String(artifacts.nextId()) } };
        }
        default:
          return { status: 404, json: { code: 'bad_route', msg: `the results service stand-in has no ${url.pathname}` } };
      }
    }
    const blob = /^\/sim\/artifacts\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'PUT' && blob) {
      const key = `${decodeURIComponent(blob[1]!)}/${decodeURIComponent(blob[2]!)}`;
      const upload = this.uploads.get(key);
      if (!upload) return { status: 404 };
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        upload.blocks.set(url.searchParams.get('blockid') ?? '', data);
        return { status: 201 };
      }
      if (comp === 'blocklist') {
        const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((match) => match[1]!);
        upload.zip = Buffer.concat(ids.map((id) => upload.blocks.get(id) ?? Buffer.alloc(0)));
        return { status: 201 };
      }
      upload.zip = data;
      return { status: 201 };
    }
    return { status: 404 };
  }
}
