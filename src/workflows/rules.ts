/**
 * The rules every workflow and action of trainyard follows, checked on the files'
 * text: third-party actions pinned to a full commit SHA with the version in a
 * comment, no `${{ }}` expression inside a `run:` script (script injection), least
 * `permissions:` and a timeout on every job, `node24` wherever JavaScript runs, and no
 * `pull_request_target` workflow that checks out the pull request's code.
 */
import { isMap, isScalar, isSeq, parseDocument, LineCounter, type Node, type YAMLMap } from 'yaml';

export interface RuleFinding {
  file: string;
  line: number;
  rule: 'pinned-sha' | 'expression-in-run' | 'permissions' | 'timeout' | 'node24' | 'pull-request-target';
  message: string;
}

/**
 * A checkout `ref` that names pull request code: its head (`pull_request.head.*`,
 * `github.head_ref`), its test merge (`merge_commit_sha`) or any `refs/pull/…` ref
 * (`refs/pull/${{ github.event.number }}/head`, `…/merge`).
 */
const PULL_REQUEST_CODE = /pull_request\.head|github\.head_ref|merge_commit_sha|refs\/pull\//;

/** Actions of trainyard's own repository, referenced by tag from its reusable workflows. */
export const FIRST_PARTY = /^trainyard\/trainyard(\/|@)/;
const PINNED = /^[^@\s]+@[0-9a-f]{40}$/;

interface Context {
  file: string;
  text: string;
  lines: LineCounter;
  findings: RuleFinding[];
}

function lineOf(context: Context, node: Node | null | undefined): number {
  const offset = node?.range?.[0] ?? 0;
  return context.lines.linePos(offset).line;
}

function report(context: Context, node: Node | null | undefined, rule: RuleFinding['rule'], message: string): void {
  context.findings.push({ file: context.file, line: lineOf(context, node), rule, message });
}

function get(map: unknown, key: string): Node | undefined {
  return isMap(map) ? ((map as YAMLMap).get(key, true) as Node | undefined) : undefined;
}

function checkStep(context: Context, step: unknown): void {
  const uses = get(step, 'uses');
  if (isScalar(uses)) {
    const ref = String(uses.value);
    const local = ref.startsWith('./') || ref.startsWith('docker://');
    if (!local && !FIRST_PARTY.test(ref)) {
      const lineText = context.text.split('\n')[lineOf(context, uses) - 1] ?? '';
      if (!PINNED.test(ref)) report(context, uses, 'pinned-sha', `"${ref}" is not pinned to a full commit SHA`);
      else if (!/#\s*v\d/.test(lineText)) report(context, uses, 'pinned-sha', `"${ref}" has no "# v<version>" comment`);
    }
  }
  const run = get(step, 'run');
  if (isScalar(run) && String(run.value).includes('${{')) {
    report(context, run, 'expression-in-run', 'a ${{ }} expression inside run:; pass it through env: instead');
  }
}

function checkSteps(context: Context, steps: unknown): void {
  if (isSeq(steps)) for (const step of steps.items) checkStep(context, step);
}

function checkWorkflow(context: Context, root: YAMLMap): void {
  const on = get(root, 'on');
  const triggers = isMap(on) ? on.items.map((pair) => String((pair.key as { value?: unknown })?.value)) : isSeq(on) ? on.items.map((item) => String((item as { value?: unknown }).value)) : [String((on as { value?: unknown } | undefined)?.value)];
  const topPermissions = get(root, 'permissions');
  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return;
  for (const pair of jobs.items) {
    const name = String((pair.key as { value?: unknown }).value);
    const job = pair.value;
    if (!topPermissions && !get(job, 'permissions')) report(context, job as Node, 'permissions', `job "${name}" has no permissions: (and the workflow sets none)`);
    const callsWorkflow = get(job, 'uses') !== undefined;
    if (!callsWorkflow && !get(job, 'timeout-minutes')) report(context, job as Node, 'timeout', `job "${name}" has no timeout-minutes`);
    const steps = get(job, 'steps');
    checkSteps(context, steps);
    if (triggers.includes('pull_request_target') && isSeq(steps)) {
      for (const step of steps.items) {
        const ref = get(get(step, 'with'), 'ref');
        if (isScalar(ref) && PULL_REQUEST_CODE.test(String(ref.value))) {
          report(context, ref, 'pull-request-target', `job "${name}" checks out pull request code under pull_request_target`);
        }
      }
    }
  }
}

function checkAction(context: Context, root: YAMLMap): void {
  const runs = get(root, 'runs');
  const using = get(runs, 'using');
  const kind = isScalar(using) ? String(using.value) : '';
  if (kind.startsWith('node') && kind !== 'node24') report(context, using, 'node24', `runs.using is ${kind}; expected node24`);
  if (kind === 'composite') {
    const steps = get(runs, 'steps');
    checkSteps(context, steps);
    if (!isSeq(steps)) return;
    let nodeReady = false;
    for (const step of steps.items) {
      const uses = get(step, 'uses');
      if (isScalar(uses) && String(uses.value).startsWith('actions/setup-node@')) nodeReady = true;
      const run = get(step, 'run');
      if (isScalar(run) && /(^|[\s;&|(])node\s/.test(String(run.value)) && !nodeReady) {
        report(context, run, 'node24', 'a step runs node before Node.js 24 is set up (actions/setup-node)');
      }
    }
  }
}

/** Every finding in one workflow (`kind: 'workflow'`) or action metadata file. */
export function checkFile(file: string, text: string, kind: 'workflow' | 'action'): RuleFinding[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const context: Context = { file, text, lines, findings: [] };
  const root = document.contents;
  if (!isMap(root)) return [{ file, line: 1, rule: 'permissions', message: 'not a YAML mapping' }];
  if (kind === 'workflow') checkWorkflow(context, root);
  else checkAction(context, root);
  return context.findings;
}
