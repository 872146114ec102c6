#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-3OGFEZEK.js";
import "./chunk-2725YAOJ.js";
import "./chunk-H5X6X6HJ.js";
import "./chunk-3D7M4YD4.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-NMZAWWG4.js";
import "./chunk-UWTDR3G3.js";
import "./chunk-SSMX5QUN.js";
import "./chunk-7XROHMDV.js";
import "./chunk-OQ2MQ6IV.js";
import "./chunk-LUPGTUBQ.js";
import "./chunk-PLGQVMFY.js";
import "./chunk-53WUGV7V.js";
import "./chunk-OOJLEY5A.js";
import {
  openProject,
  runId
} from "./chunk-3XA4GD7S.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-GRHDYEXN.js";
import "./chunk-PMHM62NO.js";
import "./chunk-RPWO2FJL.js";
import "./chunk-7KOEJRCO.js";
import "./chunk-2I52LB5X.js";
import "./chunk-D2FE2DU7.js";
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
