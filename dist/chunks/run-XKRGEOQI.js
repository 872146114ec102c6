#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-BGJDA4HO.js";
import "./chunk-2BPGPLCB.js";
import "./chunk-RCBLEDMK.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-BCO7RMMP.js";
import "./chunk-OQ7CP7Z4.js";
import "./chunk-U3MBK7AW.js";
import "./chunk-NMPHJANK.js";
import "./chunk-B4S7GJFC.js";
import "./chunk-KST23E4J.js";
import "./chunk-T4JOEETX.js";
import "./chunk-3DHKCWTY.js";
import "./chunk-DZAE3WIH.js";
import "./chunk-FU5Y7XB3.js";
import "./chunk-W3QHEJVT.js";
import "./chunk-A4NDAWHD.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-7LAPS7OY.js";
import "./chunk-JNMPDWFY.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-JIQ5TZAE.js";
import "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-J6QFU746.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-65I5TT35.js";
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
