#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-VKSHSEVT.js";
import "./chunk-2725YAOJ.js";
import "./chunk-MZBHQPPP.js";
import "./chunk-3D7M4YD4.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-QQWM6YM4.js";
import "./chunk-Z74MTBNH.js";
import "./chunk-RA5T2OIG.js";
import "./chunk-OHEKCTEJ.js";
import "./chunk-S63PEVJS.js";
import "./chunk-V4M6MZTU.js";
import "./chunk-ZTK234IH.js";
import "./chunk-46KABV72.js";
import "./chunk-CR456CXF.js";
import "./chunk-QTVPYUCA.js";
import "./chunk-PLGQVMFY.js";
import "./chunk-HAIHUQ7A.js";
import "./chunk-UDPY2YNM.js";
import "./chunk-OOJLEY5A.js";
import {
  openProject,
  runId
} from "./chunk-XXPAEBQO.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-KECDQUMW.js";
import "./chunk-HS2ZUGFT.js";
import "./chunk-HNCGFN53.js";
import "./chunk-7KOEJRCO.js";
import "./chunk-3OSXNBZ5.js";
import "./chunk-D2FE2DU7.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-PWI6BAP3.js";
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
