import { describe, expect, it } from 'vitest';
import { actionRef, renderActionIndex, renderActionReference } from '../../src/docs/action-reference.ts';

const text = `name: trainyard evaluate
description: Compare a candidate with the champion.
inputs:
  model:
    description: The model.
    required: true
  threshold:
    description: |
      A cut-off; a | in text
      stays in one cell.
    default: '0.5'
outputs:
  verdict:
    description: pass or fail
runs:
  using: composite
  steps: []
`;

describe('renderActionReference', () => {
  it('shows usage with the required inputs, and tables of inputs and outputs', () => {
    expect(renderActionReference({ dir: 'actions/evaluate', text }, 'trainyard/trainyard', 'v1')).toBe(`# trainyard evaluate

Compare a candidate with the champion.

\`\`\`yaml
- uses: trainyard/trainyard/actions/evaluate@v1
  with:
    model: …
\`\`\`

## Inputs

| input | required | default | meaning |
| --- | --- | --- | --- |
| \`model\` | yes |  | The model. |
| \`threshold\` | no | \`0.5\` | A cut-off; a \\| in text stays in one cell. |

## Outputs

| output | meaning |
| --- | --- |
| \`verdict\` | pass or fail |

This page is generated from \`actions/evaluate/action.yml\` (\`npm run generate\`).
`);
  });

  it.each([
    ['', 'trainyard/trainyard@v1'],
    ['actions/train', 'trainyard/trainyard/actions/train@v1'],
  ])('references %j as %s', (dir, ref) => {
    expect(actionRef(dir, 'trainyard/trainyard', 'v1')).toBe(ref);
  });

  it('indexes the actions with links to their pages', () => {
    expect(renderActionIndex([{ dir: '', text }, { dir: 'actions/evaluate', text }])).toContain('| [trainyard](trainyard.md) | Compare a candidate with the champion. |\n| [evaluate](evaluate.md) |');
  });
});
