#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-5ZOCGWQZ.js";
import "./chunk-NKZ4DCFL.js";
import "./chunk-YGXTHJAH.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-Z43CYH7D.js";
import "./chunk-VKHVAG3H.js";
import "./chunk-6ZHZYNJJ.js";
import "./chunk-3FNNSOQK.js";
import "./chunk-XON2YWE3.js";
import "./chunk-B4S7GJFC.js";
import "./chunk-CKKT4Z2D.js";
import "./chunk-24PIHHO2.js";
import "./chunk-DZAE3WIH.js";
import "./chunk-VOGVG67O.js";
import "./chunk-W3QHEJVT.js";
import "./chunk-DDUIAT3K.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-RTPS2N5I.js";
import "./chunk-UDPY2YNM.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-JIQ5TZAE.js";
import "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-F2A3AQT6.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-BWFLEXP6.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
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
