#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-3H3GSCH2.js";
import "./chunk-NRLHC6BV.js";
import "./chunk-4UGX5LZS.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-RSG6OH4R.js";
import "./chunk-3YVYLW5U.js";
import "./chunk-LMQ3QTJW.js";
import "./chunk-U3MBK7AW.js";
import "./chunk-RHBODANC.js";
import "./chunk-V3RSINN4.js";
import "./chunk-BSOQJMJA.js";
import "./chunk-4MKXURYA.js";
import "./chunk-GX67WWAR.js";
import "./chunk-X4QFR57I.js";
import "./chunk-W3QHEJVT.js";
import "./chunk-IHPK5JVP.js";
import "./chunk-HWFKGCS3.js";
import "./chunk-TWUAGNDN.js";
import "./chunk-UDPY2YNM.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-DPJSNBSV.js";
import "./chunk-W2DRLS5N.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-BBXHDV2B.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QBY6N5LK.js";
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
