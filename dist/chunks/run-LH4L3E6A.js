#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-DFS6G5VD.js";
import "./chunk-GYQX6SZP.js";
import "./chunk-QDZEQQOR.js";
import "./chunk-WGJTOKJB.js";
import "./chunk-Z3RSUKTV.js";
import "./chunk-CHJB7TKQ.js";
import "./chunk-HWJD4A7R.js";
import "./chunk-MVEJY37P.js";
import "./chunk-QWSFIAFW.js";
import "./chunk-CFJ6VK43.js";
import "./chunk-AU34R4Q7.js";
import "./chunk-WO5FJ4FL.js";
import "./chunk-5CSTGXMQ.js";
import "./chunk-2QGE4CGH.js";
import "./chunk-QPUB7OVK.js";
import "./chunk-NN5LQ7NB.js";
import "./chunk-PZBUPVCW.js";
import "./chunk-AS2Z54PC.js";
import "./chunk-RNOFULXP.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-2F3C3IVQ.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-QL5D7I2Z.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-VVRZZJ3R.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-B6N3TWPJ.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/run.ts
import path from "node:path";
function registerRun(program, io, setExit) {
  program.command("run").description("Run the whole pipeline locally: validate, train, evaluate, compare with the champion, check drift, register and promote in the local registry.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").option("-m, --model <name>", "run only this model (repeatable)", (value, previous) => [...previous, value], []).option("-o, --out <dir>", "the run folder (default: <project>/.trainyard/runs/<time>)").action(async (options) => {
    const project = await openProject(io, options.config);
    const runDir = options.out ? path.resolve(io.cwd, options.out) : await newRunDir(path.join(project.loaded.root, ".trainyard", "runs"), io.now());
    const outcome = await runPipeline({ ...project, models: options.model, runDir, env: io.env, echo: io.stderr });
    io.stdout(`
${outcome.report}
Report written to ${displayPath(io.cwd, outcome.reportFile)}
`);
    setExit(outcome.exitCode);
  });
}
export {
  registerRun
};
