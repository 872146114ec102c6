import { EXIT, TrainyardError } from '../errors.ts';
import type { PreflightReport } from './preflight.ts';

/** The GPUs the config asks for are not there: the runner failed, exit code 3, with the report. */
export class PreflightError extends TrainyardError {
  readonly report: PreflightReport;

  constructor(report: PreflightReport) {
    const problem = report.problem;
    super(`GPU preflight failed: ${problem?.diagnosis ?? 'unknown problem'}. Fix: ${problem?.fix ?? 'run nvidia-smi on the runner'}`, { exitCode: EXIT.failure });
    this.report = report;
  }
}
