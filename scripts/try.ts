import { parseConfig } from '../src/config/load.ts';
const samples = [
`models:
  fd:
    task: binary
    data: { train: data/train.csv }
    trainig:
      command: x
`,
`models:
  fd:
    task: binray
    data: { train: data/train.csv }
    training:
      command: x
`,
`models:
  fd:
    task: binary
    data: { train: 3 }
    training:
      command: x
      timeout_minutes: abc
`,
`models:
  fd:
    task: binary
    data: { train: a.csv }
    training:
      command: x
      timeout_minutes: abc
`,
`models:
  Bad Name:
    task: binary
`,
`models:
  fd:
    task: binary
    data: { train: a.csv }
    training: { command: x }
    metrics:
      policy:
        roc_auc: { greater_is_better: true }
`,
`a: &a [1,1,1,1,1,1,1,1,1,1]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
`,
`models: [1, 2
`,
`models:
  fd:
    task: binary
`,
];
for (const s of samples) {
  try { console.log(JSON.stringify(parseConfig(s, '.github/trainyard.yml'))); } catch (e) { console.log((e as Error).message); }
}
