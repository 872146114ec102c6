/**
 * A promotion as text: the message of its annotated tag on GitHub, one line of
 * `promotions.jsonl` locally. The tag message starts with a sentence for `git show`
 * and carries the record as YAML after it, so both people and trainyard read it.
 */
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { Promotion } from './types.ts';

const promotionSchema = z.strictObject({
  model: z.string(),
  environment: z.string(),
  sequence: z.int().positive(),
  version: z.int().positive(),
  decision: z.enum(['approved', 'rejected']),
  approvers: z.array(z.string()),
  gate: z.strictObject({ passed: z.boolean(), summary: z.string() }),
  reason: z.string(),
  runUrl: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
  kind: z.enum(['gate', 'deploy']).optional(),
});

/** The record, checked; null when it is not a trainyard promotion. */
export function readPromotion(value: unknown): Promotion | null {
  const result = promotionSchema.safeParse(value);
  return result.success ? result.data : null;
}

export function promotionSubject(promotion: Pick<Promotion, 'model' | 'version' | 'environment' | 'decision'>): string {
  const verb = promotion.decision === 'approved' ? 'Promote' : 'Reject promoting';
  return `${verb} ${promotion.model} v${promotion.version} to ${promotion.environment}`;
}

export function renderPromotionMessage(promotion: Promotion): string {
  return `${promotionSubject(promotion)}\n\n${stringify(promotion, { lineWidth: 0 })}`;
}

export function parsePromotionMessage(message: string): Promotion | null {
  const blank = message.indexOf('\n\n');
  if (blank < 0) return null;
  try {
    return readPromotion(parse(message.slice(blank + 2)));
  } catch {
    return null;
  }
}

/**
 * The version an environment runs: its approved promotion with the highest sequence. A
 * gate's decision (`kind: gate`) lets a deploy go ahead but changes nothing by itself:
 * only a deploy that succeeded records what an environment runs.
 */
export function championOf(history: Promotion[], environment: string): Promotion | null {
  let best: Promotion | null = null;
  for (const promotion of history) {
    if (promotion.environment !== environment || promotion.decision !== 'approved' || promotion.kind === 'gate') continue;
    if (!best || promotion.sequence > best.sequence) best = promotion;
  }
  return best;
}

/** Oldest first; records made in the same instant by sequence. */
export function sortHistory(history: Promotion[]): Promotion[] {
  return [...history].sort((a, b) => a.at.localeCompare(b.at) || a.environment.localeCompare(b.environment) || a.sequence - b.sequence);
}
