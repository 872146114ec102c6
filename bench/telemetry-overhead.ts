// Telemetry overhead: the CPU time GPU sampling costs against the training it watches.
//   npx tsx bench/telemetry-overhead.ts
// trainyard samples with ONE long-lived `nvidia-smi -lms` process; the peer is what a
// workflow would otherwise do, one `nvidia-smi --query-gpu` process per sample (a shell
// loop). Both run the replaying fake in test/fixtures/nvidia-smi/bin (no GPU here), so
// the figures are the cost of the sampling scheme and of trainyard's own line handling,
// not of the real driver.
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { processNvidiaSmi } from '../src/runner/nvidia-smi-process.ts';
import { startTelemetry, telemetryArgs } from '../src/runner/telemetry-sampler.ts';

const FAKE_BIN = path.resolve('test/fixtures/nvidia-smi/bin');
const env = { ...process.env, PATH: `${FAKE_BIN}${path.delimiter}${process.env.PATH}` };
const INTERVALS = [1000, 250];

/** The example's Node trainer, 40 epochs: the "training run" the overhead is set against. */
async function training(): Promise<{ wallS: number; cpuS: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-bench-'));
  await cp('examples/flight-delays', dir, { recursive: true });
  const started = performance.now();
  const result = spawnSync('bash', ['-c', 'node train.mjs >/dev/null && cat /proc/$$/stat >/dev/null; times'], {
    cwd: dir,
    env: { ...env, TRAINYARD_OUTPUT_DIR: path.join(dir, 'out'), TRAINYARD_DATA_TRAIN: path.join(dir, 'data/train.csv'), TRAINYARD_SEED: '42', TRAINYARD_PARAMS: '{"epochs":40}' },
    encoding: 'utf8',
  });
  const wallS = (performance.now() - started) / 1000;
  // `times` prints the children's user and system time on its second line: "0m1.23s 0m0.05s".
  const [user, sys] = (result.stdout.trim().split('\n')[1] ?? '').split(' ').map((field) => {
    const match = /(\d+)m([\d.]+)s/.exec(field);
    return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
  });
  return { wallS, cpuS: (user ?? 0) + (sys ?? 0) };
}

/** trainyard's sampler for `seconds`: CPU of the nvidia-smi process and of this process's line handling. */
async function longLived(intervalMs: number, seconds: number): Promise<{ samples: number; samplerCpuS: number; parentCpuS: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trainyard-bench-'));
  const idle = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const idleCpu = process.cpuUsage(idle);
  const before = process.cpuUsage();
  const running = startTelemetry({ tool: processNvidiaSmi({ env }), intervalMs, file: path.join(dir, 'telemetry.csv') });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const capture = await running.stop();
  const used = process.cpuUsage(before);
  const parentCpuS = Math.max(0, (used.user + used.system - idleCpu.user - idleCpu.system) / 1e6);
  return { samples: capture.summary.samples, samplerCpuS: capture.sampler.cpuSeconds ?? Number.NaN, parentCpuS };
}

/** The peer: a shell loop that starts one nvidia-smi per sample. */
function perSample(intervalMs: number, seconds: number): Promise<{ samples: number; cpuS: number }> {
  const loop = `end=$((SECONDS+${seconds})); n=0; while [ $SECONDS -lt $end ]; do nvidia-smi ${telemetryArgs(intervalMs).slice(0, 2).join(' ')} >/dev/null; n=$((n+1)); sleep ${intervalMs / 1000}; done; echo $n; times`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', loop], { env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => {
      const lines = out.trim().split('\n');
      const [user, sys] = (lines[2] ?? '').split(' ').map((field) => {
        const match = /(\d+)m([\d.]+)s/.exec(field);
        return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
      });
      resolve({ samples: Number(lines[0]), cpuS: (user ?? 0) + (sys ?? 0) });
    });
  });
}

const run = await training();
console.log(`machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`training run (examples/flight-delays train.mjs, 40 epochs): ${run.wallS.toFixed(2)} s wall, ${run.cpuS.toFixed(2)} s CPU`);
const seconds = Math.max(5, Math.round(run.wallS));
for (const intervalMs of INTERVALS) {
  const ours = await longLived(intervalMs, seconds);
  // The same sampler three times as long: the difference is the steady cost per second,
  // without the one-off start of the (Node) fake.
  const longer = await longLived(intervalMs, 3 * seconds);
  const peer = await perSample(intervalMs, seconds);
  const oursCpu = ours.samplerCpuS + ours.parentCpuS;
  const steadyPerSecond = (longer.samplerCpuS + longer.parentCpuS - oursCpu) / (2 * seconds);
  const steadyPerSample = ((steadyPerSecond * 2 * seconds) / (longer.samples - ours.samples)) * 1000;
  const peerPerSample = (peer.cpuS / peer.samples) * 1000;
  console.log(
    `interval ${intervalMs} ms, ${seconds} s: trainyard ${ours.samples} samples, ${oursCpu.toFixed(3)} s CPU in all (sampler ${ours.samplerCpuS.toFixed(3)} s + line handling ${ours.parentCpuS.toFixed(3)} s) = ${((oursCpu / run.wallS) * 100).toFixed(2)}% of the training run's wall time; ` +
      `steady state ${steadyPerSample.toFixed(2)} ms CPU per sample = ${(steadyPerSecond * 100).toFixed(2)}% of one core; ` +
      `process per sample: ${peer.samples} samples, ${peer.cpuS.toFixed(3)} s CPU, ${peerPerSample.toFixed(2)} ms per sample = ${((peer.cpuS / seconds) * 100).toFixed(2)}% of one core; ` +
      `ratio per sample ${(peerPerSample / steadyPerSample).toFixed(0)}x`,
  );
}
