/**
 * The model registry's own vocabulary. Both implementations (a local directory and
 * GitHub Releases) speak it, so callers never see a release, a tag or a folder.
 */
import type { MetricValues } from '../metrics/read-metrics.ts';

/** What a file of a version is: the contract later stages rely on. */
export type FileRole = 'model' | 'metrics' | 'predictions' | 'lineage' | 'profile';

/** One file of a version, by its path inside the version (`model/weights.bin`, `metrics.json`). */
export interface VersionFile {
  path: string;
  role: FileRole;
  bytes: number;
  sha256: string;
}

/** A file to register: its place in the version and where it lies on disk now. */
export interface SourceFile extends VersionFile {
  source: string;
}

/** The parts of lineage.json a model card shows. */
export interface LineageSummary {
  commit: string | null;
  command: string;
  seed: number;
  params: Record<string, string | number | boolean>;
  data: { path: string; bytes: number; sha256: string }[];
  durationSeconds: number;
  runner: string | null;
}

/** The parts of a data profile a model card shows. */
export interface ProfileSummary {
  rows: number | null;
  columns: { name: string; type: string | null; nulls: number | null }[];
}

/** The prose of a card, from the model's config. */
export interface CardText {
  task: string | null;
  description: string | null;
  intendedUse: string | null;
  limitations: string | null;
}

/** Everything a model card says; its YAML front matter holds exactly this. */
export interface ModelCard extends CardText {
  model: string;
  version: number;
  createdAt: string;
  commit: string | null;
  runUrl: string | null;
  /** SHA-256 over every file's path and digest: identifies a registration's content. */
  contentSha256: string;
  metrics: MetricValues;
  files: VersionFile[];
  lineage: LineageSummary | null;
  profile: ProfileSummary | null;
}

export interface ModelVersion {
  model: string;
  version: number;
  /** `<model>@v<N>`, the release tag on GitHub. */
  tag: string;
  /** Where a person looks at it: the release page, or the local folder. */
  url: string;
  card: ModelCard;
}

/** What a registration stores, gathered and hashed before any number is taken. */
export interface VersionContent {
  files: SourceFile[];
  metrics: MetricValues;
  lineage: LineageSummary | null;
  profile: ProfileSummary | null;
  contentSha256: string;
}

/** Progress of a registration, for the log; a callback that throws aborts the registration. */
export type RegistrationProgress =
  | { kind: 'allocated'; version: number; resumed: boolean }
  | { kind: 'stored'; path: string; done: number; total: number }
  | { kind: 'published'; version: number };

export interface RegisterRequest {
  model: string;
  content: VersionContent;
  text: CardText;
  /** The commit the version was trained from; GitHub uses the default branch head when null. */
  commit: string | null;
  runUrl: string | null;
  onProgress?: (event: RegistrationProgress) => void;
}

export type Decision = 'approved' | 'rejected';

/** The metric gate's verdict that a promotion records. */
export interface GateResult {
  passed: boolean;
  summary: string;
}

export interface PromoteRequest {
  model: string;
  version: number;
  environment: string;
  decision: Decision;
  approvers: string[];
  gate: GateResult;
  reason: string;
  runUrl: string | null;
  actor: string | null;
  /**
   * `gate`: the promotion gate's decision, which lets a deploy go ahead but changes no
   * champion; `deploy` (or absent): a deploy that succeeded, which does.
   */
  kind?: 'gate' | 'deploy';
}

/** One permanent record of a promotion decision (`<model>#<environment>#<seq>`). */
export interface Promotion extends Omit<PromoteRequest, 'model'> {
  model: string;
  sequence: number;
  /** ISO time the record was made. */
  at: string;
}

/** A version by number, or the champion of an environment. */
export type VersionRef = { version: number } | { environment: string };

/** Which files of a version a download writes. */
export interface DownloadOptions {
  /**
   * Only these paths of the version (`profile.json`, or a folder such as `model`), each
   * digest still verified; without them every file is written, and `model-card.md`.
   */
  only?: string[];
}

export interface DownloadedVersion {
  version: ModelVersion;
  dir: string;
  files: VersionFile[];
}

export interface ModelRegistry {
  /** `local:<dir>` or `github:<owner>/<repo>`, as `--registry` takes it. */
  readonly location: string;
  models(): Promise<string[]>;
  /** Published versions, oldest first. */
  versions(model: string): Promise<ModelVersion[]>;
  version(model: string, ref: VersionRef): Promise<ModelVersion>;
  register(request: RegisterRequest): Promise<ModelVersion>;
  promote(request: PromoteRequest): Promise<Promotion>;
  /** Promotion records, oldest first; of one environment when given. */
  history(model: string, environment?: string): Promise<Promotion[]>;
  /** Writes the version's files under `dir` (created; must not exist), each digest verified. */
  download(model: string, version: number, dir: string, options?: DownloadOptions): Promise<DownloadedVersion>;
}
