#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-Y4CLDDVB.js";
import "./chunk-IAMCFU3T.js";
import "./chunk-4OZPJ2CN.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-T2NW5YOY.js";
import "./chunk-D7AHFQP2.js";
import "./chunk-32D5D7BG.js";
import "./chunk-6CRCANW7.js";
import "./chunk-NBG7PTPA.js";
import "./chunk-K24DHH5E.js";
import "./chunk-GRGQHDB4.js";
import "./chunk-45X4X25J.js";
import "./chunk-CS5GBOQS.js";
import "./chunk-JDJBNN4H.js";
import "./chunk-QPUB7OVK.js";
import "./chunk-V7TPX645.js";
import "./chunk-PZBUPVCW.js";
import "./chunk-D24V3XOY.js";
import "./chunk-RNOFULXP.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-UUNNKP3W.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-GIEGW23V.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QS3FAKF2.js";
import "./chunk-POXGZ53D.js";
import "./chunk-EA7JVYYM.js";
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
