#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-V4DAVM6F.js";
import "./chunk-2725YAOJ.js";
import "./chunk-IQH6ZIGV.js";
import "./chunk-V4HUA3V6.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-JDDPTRQQ.js";
import "./chunk-AZL5FXWT.js";
import "./chunk-7XROHMDV.js";
import "./chunk-OQ2MQ6IV.js";
import "./chunk-75XCVD74.js";
import "./chunk-VB7HGJW6.js";
import "./chunk-EWUOZ7UO.js";
import "./chunk-HHUPVB5M.js";
import "./chunk-OOJLEY5A.js";
import {
  openProject,
  runId
} from "./chunk-JPFY62ZN.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-GRHDYEXN.js";
import "./chunk-PMHM62NO.js";
import "./chunk-M6AHWI5D.js";
import "./chunk-7KOEJRCO.js";
import "./chunk-G5MI35OT.js";
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
