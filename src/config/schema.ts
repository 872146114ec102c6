/**
 * The schema of `.github/trainyard.yml`, the one configuration file of a repository.
 * Types and the published JSON Schema (`schema/trainyard.schema.json`) both come from
 * here; the descriptions are what editors show on hover.
 */
import { z } from 'zod';
import { CORRECTIONS, DRIFT_METHOD_NAMES } from './drift-methods.ts';

/** Names usable inside git tags (`<model>@v<N>`, `<model>#<environment>#<seq>`). */
export const MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** The drift tests trainyard offers, by the name used in configs and `--method` (the registry's names). */
export const DRIFT_METHODS = DRIFT_METHOD_NAMES;

const pathOrGlobs = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe('A file, a directory or a glob (`data/part-*.parquet`), or a list of them; relative to the project root.');

const paramValue = z.union([z.string(), z.number(), z.boolean()]);

export const metricRuleSchema = z
  .strictObject({
    greater_is_better: z.boolean().describe('Whether a higher value of the metric is better (MLflow `greater_is_better`).'),
    threshold: z
      .number()
      .optional()
      .describe('Absolute bound: the candidate must be >= threshold when higher is better, <= otherwise.'),
    min_absolute_change: z
      .number()
      .positive()
      .optional()
      .describe('The candidate must beat the baseline by at least this much (candidate >= baseline + change when higher is better).'),
    min_relative_change: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('The candidate must beat the baseline by at least this share of it, in [0, 1]; a zero baseline needs candidate > baseline by 1e-10.'),
    reported: z
      .boolean()
      .optional()
      .describe('Gate on the value the trainer reports in its metrics file. Only for metrics trainyard cannot compute from predictions (custom ones); without it such a metric is shown, reported by the trainer, and a rule on it fails.'),
  })
  .refine((rule) => rule.threshold !== undefined || rule.min_absolute_change !== undefined || rule.min_relative_change !== undefined, {
    message: 'expected at least one of threshold, min_absolute_change, min_relative_change',
  })
  .describe('A gate on one metric, with the semantics of MLflow MetricThreshold.');

const dataSchema = z
  .strictObject({
    train: pathOrGlobs.describe('The training data: CSV, TSV, Parquet, JSON or JSON Lines.'),
    production: pathOrGlobs.optional().describe('Recent production data, the default current side of drift checks.'),
    schema: z.string().min(1).optional().describe('The data schema file (`trainyard schema infer` writes one).'),
  })
  .describe('Where the model\'s data lives.');

const trainingSchema = z
  .strictObject({
    command: z.string().min(1).describe('The training command, run in the project root with TRAINYARD_OUTPUT_DIR, TRAINYARD_DATA_TRAIN, TRAINYARD_SEED and TRAINYARD_PARAMS set.'),
    runs_on: z
      .array(z.string().min(1))
      .min(1)
      .default(['self-hosted', 'gpu'])
      .describe('Runner labels of the training job.'),
    timeout_minutes: z.number().positive().max(43_200).default(360).describe('The training command is stopped after this many minutes.'),
    seed: z.int().min(0).max(2 ** 32 - 1).default(42).describe('The random seed passed to the command as TRAINYARD_SEED.'),
    gpus: z.int().min(0).max(64).default(0).describe('GPUs the command needs; above 0 a GPU preflight runs first.'),
    min_gpu_memory_mb: z.int().positive().optional().describe('Free memory each GPU must have before training starts.'),
    telemetry_interval_ms: z
      .int()
      .min(100)
      .max(60_000)
      .default(1000)
      .describe('How often GPU telemetry (utilisation, memory, power, temperature) is sampled while training, in milliseconds.'),
    params: z.record(z.string().min(1), paramValue).default({}).describe('Hyperparameters, passed as the JSON object TRAINYARD_PARAMS.'),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}).describe('Extra environment variables for the command.'),
  })
  .describe('How the model is trained.');

export const significanceSchema = z
  .strictObject({
    confidence: z.number().gt(0).lt(1).default(0.95).describe('Two-sided confidence of the paired bootstrap interval of each metric difference.'),
    resamples: z.int().min(100).max(100_000).default(1000).describe('Bootstrap resamples (row indices drawn once per resample, applied to both models).'),
    seed: z.int().min(0).max(2 ** 32 - 1).default(42).describe('Seed of the resampling, recorded in comparison.json.'),
  })
  .describe('Gate on confidence intervals: a change whose interval still crosses the bound of a rule is inconclusive, not a pass.');

const metricsSchema = z
  .strictObject({
    file: z.string().min(1).default('metrics.json').describe('The metrics file the trainer writes, relative to its output directory.'),
    predictions: z
      .string()
      .min(1)
      .default('predictions.csv')
      .describe('Per-row predictions (`id,label,score`) the trainer writes, used for confidence intervals.'),
    policy: z
      .record(z.string().min(1), metricRuleSchema)
      .default({})
      .describe('Gates per metric name (dotted names address nested keys).'),
    significance: significanceSchema.optional(),
  })
  .describe('The metrics a candidate is judged on.');

const promotionSchema = z
  .strictObject({
    environment: z.string().min(1).default('production').describe('The GitHub environment the promotion job deploys to.'),
    required_approvals: z.int().min(0).max(10).default(1).describe('Approvals of the final head commit the pull request needs.'),
    allowed_reviewers: z
      .array(z.string().min(1))
      .default([])
      .describe('Logins whose approvals count; empty means anyone with write access.'),
  })
  .describe('The gate a version passes before it is promoted.');

const driftSchema = z
  .strictObject({
    reference: pathOrGlobs.optional().describe('Reference data or profile.json; defaults to the champion\'s profile.'),
    current: pathOrGlobs.optional().describe('Current data; defaults to data.production.'),
    columns: z.array(z.string().min(1)).optional().describe('Columns to check; defaults to all but the excluded ones.'),
    exclude: z
      .array(z.string().min(1))
      .optional()
      .describe('Columns never to check. Without `columns`, ids (unique or id-like names), the schema\'s training_only columns (the label) and dates and timestamps are left out as well; the report lists every column left out and why.'),
    methods: z.record(z.string().min(1), z.enum(DRIFT_METHODS)).default({}).describe('A drift test per column, overriding the automatic choice.'),
    thresholds: z.record(z.string().min(1), z.number()).default({}).describe('A threshold per column, overriding the method\'s default.'),
    drift_share: z.number().gt(0).max(1).default(0.5).describe('The dataset drifts when this share of columns drifts.'),
    correction: z
      .enum(CORRECTIONS)
      .default('none')
      .describe('Multiple-testing correction over column p-values.'),
    schedule: z.string().min(1).default('0 6 * * 1').describe('Cron schedule of the drift workflow (UTC).'),
  })
  .describe('Drift monitoring of the model\'s input data.');

/** Where monitoring reads rows: files, or a PostgreSQL table or query. */
export const monitorSourceSchema = z
  .union([
    pathOrGlobs,
    z
      .strictObject({
        url: z.string().regex(/^postgres(ql)?:\/\//).describe('A PostgreSQL connection URL (`postgres://user@host:5432/db`); the password may come from PGPASSWORD.'),
        table: z.string().min(1).optional().describe('The table (or `schema.table`) to read.'),
        query: z.string().min(1).optional().describe('A SELECT whose rows are read, instead of a table.'),
      })
      .refine((source) => (source.table === undefined) !== (source.query === undefined), { message: 'expected exactly one of table, query' }),
  ])
  .describe('Files (CSV, Parquet, JSON lines: a file, folder or glob), a `postgres://…?table=name` URL, or `{ url, table | query }`.');

const monitoringColumnsSchema = z
  .strictObject({
    id: z.string().min(1).default('id').describe('The prediction id, which labels are joined on.'),
    timestamp: z.string().min(1).default('timestamp').describe('When the prediction was made (read as UTC when it has no offset).'),
    score: z.string().min(1).default('score').describe('The positive-class score of a binary model.'),
    prediction: z.string().min(1).default('prediction').describe('The predicted value of a regression model.'),
    label: z.string().min(1).default('label').describe('The true label, in the labels source and the reference.'),
    model_version: z.string().min(1).default('model_version').describe('The model version that made the prediction (optional in the data).'),
    latency_ms: z.string().min(1).default('latency_ms').describe('The prediction latency in milliseconds (optional in the data).'),
    features: z.array(z.string().min(1)).optional().describe('The feature columns checked for drift; by default every other column.'),
  })
  .describe('Column names of the prediction log, the labels and the reference.');

const monitoringSchema = z
  .strictObject({
    predictions: monitorSourceSchema.optional().describe('The prediction log.'),
    labels: monitorSourceSchema.optional().describe('Labels that arrive later, with the id and label columns, joined to the log by id.'),
    reference: z
      .union([
        monitorSourceSchema,
        z.strictObject({
          since: z.string().min(1).describe('Start of the reference period in the log (ISO date or time, UTC), inclusive.'),
          until: z.string().min(1).describe('End of the reference period in the log, exclusive.'),
        }),
      ])
      .optional()
      .describe('The reference period: rows with labels (the log\'s columns plus label), or a time range of the log. Without it, the champion\'s predictions on the evaluation rows (`evaluation:`), read from the registry.'),
    columns: monitoringColumnsSchema.default({ id: 'id', timestamp: 'timestamp', score: 'score', prediction: 'prediction', label: 'label', model_version: 'model_version', latency_ms: 'latency_ms' }),
    chunk: z
      .string()
      .regex(/^(hour|day|week|month|[1-9][0-9]*rows)$/)
      .default('week')
      .describe('Chunks: `hour`, `day`, `week` (Monday to Monday) or `month` in UTC, or `<N>rows`.'),
    threshold: z.number().min(0).max(1).default(0.5).describe('A binary model predicts the positive class when its score is at least this.'),
    since: z.string().min(1).optional().describe('Monitor rows from this time (inclusive, UTC).'),
    until: z.string().min(1).optional().describe('Monitor rows up to this time (exclusive, UTC).'),
    schema: z.string().min(1).optional().describe('The data schema of the prediction log, whose checks count quality failures per chunk (none by default).'),
    notify: z.array(z.string().min(1)).default([]).describe('GitHub logins (or @org/team) mentioned when a new alert is posted.'),
    retrain_after: z.int().min(1).default(3).describe('Consecutive chunks with a metric outside its band before a retraining pull request opens.'),
    schedule: z.string().min(1).default('0 6 * * *').describe('Cron schedule of the monitoring workflow (UTC).'),
  })
  .describe('Production monitoring (`trainyard monitor`): the prediction log, its labels, the reference and the chunking.');

const cardSchema = z
  .strictObject({
    intended_use: z.string().optional().describe('What the model is for, written into the model card.'),
    limitations: z.string().optional().describe('Known limitations, written into the model card.'),
  })
  .describe('Model card text.');

const deploySchema = z
  .strictObject({
    command: z.string().min(1).describe('The deploy command, run in the project root with MODEL_DIR (the downloaded version) and MODEL_VERSION set.'),
    timeout_minutes: z.number().positive().max(360).default(30).describe('The deploy command is stopped after this many minutes.'),
  })
  .describe('How `trainyard deploy` ships a version.');

/** `local:<dir>` or `github:<owner>/<repo>`: where model versions live. */
export const REGISTRY_SPEC = /^(local:.+|github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)$/;

const evaluationSchema = z
  .strictObject({
    file: pathOrGlobs.optional().describe('Labelled evaluation rows (with the id and label columns), relative to the project root.'),
    split: z
      .strictObject({
        fraction: z.number().gt(0).lt(1).describe('The share of `data.train` rows held out for evaluation, chosen by a stable hash of the id.'),
      })
      .optional()
      .describe('Evaluate on the rows of `data.train` whose id hashes below `fraction` (SHA-256 of the id text, first 8 bytes as an unsigned integer over 2^64): stable across seeds and code changes.'),
    id: z.string().min(1).default('id').describe('The row id column, in the evaluation rows and in the predictions.'),
    label: z
      .string()
      .min(1)
      .default('label')
      .describe('The label: a column of the evaluation rows, or a SQL expression over them (`CAST(delay > 15 AS INTEGER)`). Read by trainyard from the data, never from the predictions.'),
    tolerance: z
      .number()
      .min(0)
      .default(0.0001)
      .describe('A metric the trainer also reports may differ from the value trainyard computes by at most this much; more fails the comparison.'),
  })
  .refine((value) => (value.file === undefined) !== (value.split === undefined), { message: 'expected exactly one of file, split' })
  .describe('The labelled rows every version of the model is judged on. trainyard joins predictions to them by id and computes every metric it can.');

const predictSchema = z
  .strictObject({
    command: z
      .string()
      .min(1)
      .describe('Scores rows with a registered version: run in the project root of a temporary git worktree at the commit the version was trained from (the current checkout when it records none), with MODEL_DIR (the version), TRAINYARD_PREDICT_INPUT (a CSV of features, without the label) and TRAINYARD_PREDICT_OUTPUT (the predictions CSV to write).'),
  })
  .describe('How trainyard re-scores the champion when the evaluation rows changed.');

export const modelSchema = z
  .strictObject({
    task: z.enum(['binary', 'multiclass', 'regression']).describe('The kind of prediction.'),
    description: z.string().optional().describe('One line about the model.'),
    data: dataSchema,
    training: trainingSchema,
    metrics: metricsSchema.default({ file: 'metrics.json', predictions: 'predictions.csv', policy: {} }),
    evaluation: evaluationSchema.optional(),
    predict: predictSchema.optional(),
    promotion: promotionSchema.optional(),
    drift: driftSchema.optional(),
    monitoring: monitoringSchema.optional(),
    card: cardSchema.optional(),
    deploy: deploySchema.optional(),
  })
  .describe('One model of the repository.');

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    _extends: z.string().optional().describe('Probot-style inheritance: `repo` or `owner/repo:path` holding defaults.'),
    version: z.literal(1).default(1).describe('The version of this file format.'),
    registry: z
      .string()
      .regex(REGISTRY_SPEC)
      .optional()
      .describe('Where model versions live: `local:<dir>` (relative to the project root) or `github:<owner>/<repo>` (releases); the local `.trainyard/registry` by default.'),
    models: z
      .record(z.string().regex(MODEL_NAME), modelSchema)
      .refine((models) => Object.keys(models).length > 0, { message: 'expected at least one model' })
      .describe('The models of the repository, by name (lowercase letters, digits, `.`, `_`, `-`).'),
  })
  .describe('trainyard configuration (.github/trainyard.yml).');

export type TrainyardConfig = z.output<typeof configSchema>;
export type ModelConfig = z.output<typeof modelSchema>;
export type MetricRule = z.output<typeof metricRuleSchema>;
export type Significance = z.output<typeof significanceSchema>;
export type MonitoringConfig = z.output<typeof monitoringSchema>;
export type MonitorSourceConfig = z.output<typeof monitorSourceSchema>;
