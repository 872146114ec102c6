#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-7UT4MD7E.js";
import "./chunk-PFZSQH2E.js";
import "./chunk-PFPQBL3C.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-4JIV7MCS.js";
import "./chunk-R7SPPYQG.js";
import "./chunk-3FNNSOQK.js";
import "./chunk-LVHVS2NH.js";
import "./chunk-5LA4RBPL.js";
import "./chunk-FTVSYSZW.js";
import "./chunk-6HINKL34.js";
import "./chunk-PHKZR6IB.js";
import "./chunk-34SE6PPS.js";
import "./chunk-444XO5IC.js";
import "./chunk-W3QHEJVT.js";
import "./chunk-YICYZTQY.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-OSUZFFL4.js";
import "./chunk-4IU3ESKG.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-FNE57ZFB.js";
import "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-HD62KVG5.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QDZFQRV4.js";
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
