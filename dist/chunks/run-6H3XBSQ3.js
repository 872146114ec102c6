#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-5MQ55HGD.js";
import "./chunk-NJO42NZY.js";
import "./chunk-IVQUXXYL.js";
import "./chunk-NW2OZ532.js";
import "./chunk-GRHDYEXN.js";
import "./chunk-RCP3M77Q.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-K7M4VCBX.js";
import "./chunk-PVYK2O4T.js";
import "./chunk-SSMX5QUN.js";
import "./chunk-OAUYQM3P.js";
import "./chunk-KXV6EE7S.js";
import "./chunk-PMHM62NO.js";
import "./chunk-LSLOKUQC.js";
import "./chunk-BPR4QXFR.js";
import "./chunk-5VJPDGKX.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-JSRTAX6G.js";
import {
  openProject,
  runId
} from "./chunk-J4DF2P73.js";
import "./chunk-VE7YDIIK.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-PL3ZQNPW.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-5WCRJWUQ.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/run.ts
import path from "node:path";
function registerRun(program, io, setExit) {
  program.command("run").description("Run the whole pipeline locally: validate, train, evaluate, compare with the champion, check drift, register and promote in the local registry.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").option("-m, --model <name>", "run only this model (repeatable)", (value, previous) => [...previous, value], []).option("-o, --out <dir>", "the run folder (default: <project>/.trainyard/runs/<time>)").action(async (options) => {
    const project = await openProject(io, options.config);
    const runDir = options.out ? path.resolve(io.cwd, options.out) : path.join(project.loaded.root, ".trainyard", "runs", runId(io.now()));
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
