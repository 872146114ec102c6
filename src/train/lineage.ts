/**
 * lineage.json: what produced a model, enough to reproduce it or to explain it.
 * Built from facts gathered at the edge (git, the runner, the clock); pure here.
 */
import type { GpuLineage } from '../runner/gpu-lineage.ts';
import type { TelemetrySummary } from '../runner/telemetry-summary.ts';

/** The telemetry summary plus what sampling itself cost. */
export interface TelemetryLineage extends TelemetrySummary {
  file: string;
  samplerCpuSeconds: number | null;
}

export interface DataFileFact {
  /** Relative to the project root, `/`-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface Lineage {
  schemaVersion: 1;
  model: string;
  commit: string | null;
  dirty: boolean | null;
  configSha256: string;
  data: DataFileFact[];
  params: Record<string, string | number | boolean>;
  seed: number;
  command: string;
  start: string;
  end: string;
  durationSeconds: number;
  exitStatus: number;
  signal: string | null;
  timedOut: boolean;
  runner: { name: string | null; os: string; arch: string; labels: string[] };
  versions: { node: string; python: string | null; trainyard: string };
  gpu: GpuLineage | null;
  telemetry: TelemetryLineage | null;
}

export interface LineageFacts {
  model: string;
  git: { commit: string | null; dirty: boolean | null };
  configSha256: string;
  data: DataFileFact[];
  params: Record<string, string | number | boolean>;
  seed: number;
  command: string;
  outcome: { startedAt: Date; endedAt: Date; exitCode: number; signal: string | null; timedOut: boolean };
  runner: Lineage['runner'];
  versions: Lineage['versions'];
  gpu: GpuLineage | null;
  telemetry: TelemetryLineage | null;
}

export function buildLineage(facts: LineageFacts): Lineage {
  const { outcome } = facts;
  return {
    schemaVersion: 1,
    model: facts.model,
    commit: facts.git.commit,
    dirty: facts.git.dirty,
    configSha256: facts.configSha256,
    data: facts.data,
    params: facts.params,
    seed: facts.seed,
    command: facts.command,
    start: outcome.startedAt.toISOString(),
    end: outcome.endedAt.toISOString(),
    durationSeconds: Math.round((outcome.endedAt.getTime() - outcome.startedAt.getTime()) / 10) / 100,
    exitStatus: outcome.exitCode,
    signal: outcome.signal,
    timedOut: outcome.timedOut,
    runner: facts.runner,
    versions: facts.versions,
    gpu: facts.gpu,
    telemetry: facts.telemetry,
  };
}
