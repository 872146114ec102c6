#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-65XMDWBC.js";
import "./chunk-WGJTOKJB.js";
import "./chunk-UER5RNEN.js";
import "./chunk-CGNWEF7P.js";
import "./chunk-7O6JYKSM.js";
import "./chunk-7XROHMDV.js";
import "./chunk-FSFNWE2U.js";
import "./chunk-VJFCMVYB.js";
import "./chunk-AEXKXCMM.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-TIEDHPI3.js";
import "./chunk-HHUPVB5M.js";
import "./chunk-OOJLEY5A.js";
import {
  openProject,
  runId
} from "./chunk-PGXO5EJF.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-GRHDYEXN.js";
import "./chunk-PMHM62NO.js";
import "./chunk-3SIPTSTL.js";
import "./chunk-ZHPIKPMO.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
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
