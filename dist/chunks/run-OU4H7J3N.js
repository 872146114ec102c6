#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-E2JJ2PQP.js";
import "./chunk-TKYTODKU.js";
import "./chunk-BL772RSP.js";
import "./chunk-WGJTOKJB.js";
import "./chunk-LN5ZKBSN.js";
import "./chunk-UMW4N3QC.js";
import "./chunk-3FKNI6CM.js";
import "./chunk-G4WSTCJ3.js";
import "./chunk-MRL4TFFU.js";
import "./chunk-MCKDUT27.js";
import "./chunk-P4YIXRYL.js";
import "./chunk-QUUMMRWF.js";
import "./chunk-HX6JLQ2N.js";
import "./chunk-CH5HJEPX.js";
import "./chunk-RML5OHSS.js";
import "./chunk-RNOFULXP.js";
import "./chunk-7TJTIPQF.js";
import "./chunk-QPUB7OVK.js";
import "./chunk-FKAISTZX.js";
import "./chunk-OOJLEY5A.js";
import {
  newRunDir,
  openProject
} from "./chunk-O2WWHRRD.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-KQZNMHK7.js";
import "./chunk-ZPJS53TG.js";
import "./chunk-ROCQPVAJ.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-LH7F5O2C.js";
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
