/**
 * The registry stage of `trainyard run`: register the trained model as a new version
 * and, when its comparison with the champion passed, promote it to the model's
 * environment. Called after training (and comparison) with the model's output folder.
 */
import type { ModelConfig } from '../config/schema.ts';
import { collectVersionContent } from './content.ts';
import type { GateResult, ModelRegistry, ModelVersion, Promotion, RegistrationProgress } from './types.ts';

export interface RegistryStageRequest {
  registry: ModelRegistry;
  name: string;
  model: ModelConfig;
  /** The training output folder (TRAINYARD_OUTPUT_DIR of the run). */
  outputDir: string;
  /** The comparison's verdict; null when none ran, and then nothing is promoted. */
  gate: GateResult | null;
  runUrl: string | null;
  actor: string | null;
  approvers?: string[];
  onProgress?: (event: RegistrationProgress) => void;
}

export interface RegistryStageOutcome {
  version: ModelVersion;
  environment: string;
  /** Null when the comparison did not pass (or did not run). */
  promotion: Promotion | null;
}

export async function registerAndPromote(request: RegistryStageRequest): Promise<RegistryStageOutcome> {
  const { model } = request;
  const content = await collectVersionContent({ outputDir: request.outputDir, metricsFile: model.metrics.file, predictionsFile: model.metrics.predictions });
  const version = await request.registry.register({
    model: request.name,
    content,
    text: { task: model.task, description: model.description ?? null, intendedUse: model.card?.intended_use ?? null, limitations: model.card?.limitations ?? null },
    commit: content.lineage?.commit ?? null,
    runUrl: request.runUrl,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  const environment = model.promotion?.environment ?? 'production';
  if (!request.gate?.passed) return { version, environment, promotion: null };
  const promotion = await request.registry.promote({
    model: request.name,
    version: version.version,
    environment,
    decision: 'approved',
    approvers: request.approvers ?? [],
    gate: request.gate,
    reason: 'the candidate passed the metric policy against the champion',
    runUrl: request.runUrl,
    actor: request.actor,
  });
  return { version, environment, promotion };
}
