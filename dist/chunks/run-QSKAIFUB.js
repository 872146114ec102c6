#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-AM6OXZKP.js";
import "./chunk-YKMIGJKP.js";
import "./chunk-4SQH3SQO.js";
import "./chunk-WGJTOKJB.js";
import "./chunk-NKNFP4A6.js";
import "./chunk-EWAKIPY6.js";
import "./chunk-6LI43VNI.js";
import "./chunk-U3MBK7AW.js";
import "./chunk-POOZG4O3.js";
import "./chunk-V3SWUGC4.js";
import "./chunk-U6ZXHBL5.js";
import "./chunk-SEM7HYPV.js";
import "./chunk-VYEB5YTH.js";
import "./chunk-MKGUT24W.js";
import "./chunk-W3QHEJVT.js";
import "./chunk-T4JAT4AO.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-B6ENKWAI.js";
import "./chunk-X7Z44NJ3.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-WW2ZCV4A.js";
import "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-X26EB36L.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-GVN4RFP2.js";
import "./chunk-POXGZ53D.js";
import "./chunk-EA7JVYYM.js";
import "./chunk-BEL2JVQX.js";
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
