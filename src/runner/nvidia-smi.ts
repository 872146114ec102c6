/**
 * The one door to `nvidia-smi`. Preflight and telemetry take this interface, so tests
 * hand them a fake executable (or an in-memory double) instead of a GPU.
 */

/** The outcome of a short `nvidia-smi` call. */
export interface ToolRun {
  /** null when the tool did not run to an exit (not found, timed out). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Why there is no exit code: the binary is missing, or it hung past the timeout. */
  failure: 'not-found' | 'timeout' | null;
}

/** A long-lived `nvidia-smi … -lms <interval>` process. */
export interface SamplerProcess {
  /** Stops the process (SIGTERM) and resolves once it is gone. */
  stop(): Promise<SamplerExit>;
  /** CPU seconds (user + system) the process has used so far; null where unknown. */
  cpuSeconds(): Promise<number | null>;
}

export interface SamplerExit {
  exitCode: number | null;
  signal: string | null;
  /** The last of what it wrote to stderr, for diagnosis. */
  stderr: string;
}

export interface NvidiaSmi {
  run(args: string[], options: { timeoutMs: number }): Promise<ToolRun>;
  /** Starts a sampler; `onLine` receives each complete stdout line. */
  sample(args: string[], onLine: (line: string) => void): SamplerProcess;
}
