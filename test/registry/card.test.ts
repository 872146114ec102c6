import { describe, expect, it } from 'vitest';
import { parseCard, renderCard } from '../../src/registry/card.ts';
import { buildCard } from '../../src/registry/shared.ts';
import type { ModelCard } from '../../src/registry/types.ts';
import { requestFor } from './fixtures.ts';

async function sampleCard(): Promise<ModelCard> {
  return buildCard(await requestFor('flight-delays', 4), 3, '2026-01-02T03:04:05.000Z');
}

describe('the model card', () => {
  it('reads back exactly the data it was rendered from', async () => {
    const card = await sampleCard();
    expect(parseCard(renderCard(card))).toEqual(card);
  });

  it('round-trips text that looks like YAML or Markdown, and empty sections', async () => {
    const card: ModelCard = { ...(await sampleCard()), description: '---\nkey: value # not a comment', intendedUse: null, limitations: 'Line one.\n\nLine "two": yes', lineage: null, profile: null, metrics: {} };
    expect(parseCard(renderCard(card))).toEqual(card);
  });

  it('shows people the metrics, intended use, limitations, lineage and profile', async () => {
    const text = renderCard(await sampleCard());
    expect(text).toContain('# flight-delays v3');
    expect(text).toContain('| roc_auc | 0.7040 |');
    expect(text).toContain('## Intended use\n\nTests.');
    expect(text).toContain('## Limitations\n\nNone known.');
    expect(text).toContain('- command: `python train.py` (seed 4; epochs=3)');
    expect(text).toContain('| origin | VARCHAR | 1 |');
  });

  it.each([
    ['no front matter', 'Release notes by hand.'],
    ['another tool\'s front matter', '---\ntitle: hello\n---\nbody'],
    ['unterminated front matter', '---\ntrainyard: 1\n'],
    ['invalid YAML', '---\n: : :\n---\n'],
  ])('is null for a body with %s', (_what, body) => {
    expect(parseCard(body)).toBeNull();
  });
});
