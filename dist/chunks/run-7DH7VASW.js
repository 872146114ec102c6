#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-ZZ4KEIZJ.js";
import "./chunk-WIUOYDKB.js";
import "./chunk-DIIBXAZN.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-HPUI5QAG.js";
import "./chunk-DZ4O3ZA4.js";
import "./chunk-JLGH2YAB.js";
import "./chunk-MVEJY37P.js";
import "./chunk-VZGGDDNT.js";
import "./chunk-K24DHH5E.js";
import "./chunk-6D6XLGJ3.js";
import "./chunk-S2YWO7YN.js";
import "./chunk-CS5GBOQS.js";
import "./chunk-JGMSWRBI.js";
import "./chunk-QPUB7OVK.js";
import "./chunk-EPI7D6N2.js";
import "./chunk-PZBUPVCW.js";
import "./chunk-Y7MMZ2MM.js";
import "./chunk-RNOFULXP.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-UUNNKP3W.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-OPUFRP27.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-HL7CYQHN.js";
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
