/** What each stage of `trainyard run` reports about one model. */

export type StageName = 'validate' | 'train' | 'evaluate' | 'compare' | 'drift' | 'register';

export type StageStatus = 'passed' | 'failed' | 'skipped' | 'info';

export interface StageReport {
  stage: StageName;
  status: StageStatus;
  /** One line for the terminal and the report's overview. */
  summary: string;
  /** A Markdown section for the report, when the stage has more to show. */
  markdown?: string;
}
