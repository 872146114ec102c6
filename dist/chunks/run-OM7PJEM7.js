#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-OJSUY2SI.js";
import "./chunk-TXPKBI73.js";
import "./chunk-D6SM6GNG.js";
import "./chunk-KSNJQD4E.js";
import "./chunk-PGQXUUDY.js";
import "./chunk-F4EEFUHV.js";
import "./chunk-IKTK6HRQ.js";
import "./chunk-6CRCANW7.js";
import "./chunk-JRCQOL63.js";
import "./chunk-K24DHH5E.js";
import "./chunk-HRV3HU36.js";
import "./chunk-YVJSAE5E.js";
import "./chunk-CS5GBOQS.js";
import "./chunk-Z6INGF5P.js";
import "./chunk-QPUB7OVK.js";
import "./chunk-JRPLENFX.js";
import "./chunk-PZBUPVCW.js";
import "./chunk-RVOZV4LZ.js";
import "./chunk-RNOFULXP.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-UUNNKP3W.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-YG3JUU4Q.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-LHVN34KK.js";
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
