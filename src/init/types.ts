/** The domain types of `trainyard init`. */

/** A file of the repository, by its path relative to the root (forward slashes). */
export interface RepoFile {
  path: string;
  size: number;
}

/** What init found in the repository, best candidate first. */
export interface Discovery {
  /** Data files (CSV, TSV, Parquet, JSON, JSON Lines), training data first. */
  dataFiles: string[];
  train: string | undefined;
  production: string | undefined;
  /** Training scripts, most likely first. */
  scripts: string[];
  /** The Python dependency file (uv.lock, requirements.txt, pyproject.toml, environment.yml), when there is one. */
  pythonDependencies?: string | undefined;
  /** Data schema files beside the training data (schema.yml, *.schema.yml). */
  schemaCandidates: string[];
  /** The branch releases run on. */
  defaultBranch: string;
  /** A model name made from the repository's folder name. */
  suggestedModel: string;
}

export type Task = 'binary' | 'multiclass' | 'regression';

/** The answers init writes files from. */
export interface InitChoices {
  model: string;
  task: Task;
  command: string;
  train: string;
  production: string | undefined;
  schema: string | undefined;
  runsOn: string[];
  environment: string;
  defaultBranch: string;
  /** The dependency file the training job installs (the train action's python-requirements). */
  pythonRequirements?: string | undefined;
  /** Where the release branch came from: the remote's default branch, or the local one. */
  releaseBranchFrom?: 'remote' | 'local';
  driftSchedule: string;
}

export interface PlannedFile {
  path: string;
  content: string;
}

export interface InitPlan {
  choices: InitChoices;
  files: PlannedFile[];
  nextSteps: string[];
}
