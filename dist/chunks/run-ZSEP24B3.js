#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-2LAUTKVW.js";
import "./chunk-2725YAOJ.js";
import "./chunk-VZCODC42.js";
import "./chunk-7LEWCVKQ.js";
import "./chunk-RML5OHSS.js";
import "./chunk-ULWGUBZA.js";
import "./chunk-BWCSP737.js";
import "./chunk-SSMX5QUN.js";
import "./chunk-RKOM4WFJ.js";
import "./chunk-MWPAH2ZX.js";
import "./chunk-FGGRJBT3.js";
import "./chunk-RZDWFHGK.js";
import "./chunk-FDHVBAAV.js";
import "./chunk-2YFJLPIU.js";
import "./chunk-OOJLEY5A.js";
import {
  newRunDir,
  openProject
} from "./chunk-LGRBDSYP.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-BYDCWGW6.js";
import "./chunk-ROKQIJ6K.js";
import "./chunk-MJPN4Y63.js";
import "./chunk-LEL2YVU7.js";
import "./chunk-IJ5UPJUL.js";
import "./chunk-D2FE2DU7.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
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
