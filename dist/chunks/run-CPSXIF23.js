#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
} from "./chunk-ODCFIQAF.js";
import "./chunk-3HIUYQQH.js";
import "./chunk-LNB3TFA2.js";
import "./chunk-WGJTOKJB.js";
import "./chunk-PE7E2AKE.js";
import "./chunk-OMP2GEQT.js";
import "./chunk-YSCBJDPE.js";
import "./chunk-6CRCANW7.js";
import "./chunk-BGVAQMZP.js";
import "./chunk-V6VNTEBZ.js";
import "./chunk-WHQAZTYB.js";
import "./chunk-G2B6AV2A.js";
import "./chunk-GF2N3GRE.js";
import "./chunk-DRCDDXN2.js";
import "./chunk-QPUB7OVK.js";
import "./chunk-OLCTYJ6T.js";
import "./chunk-PZBUPVCW.js";
import "./chunk-IJURYNWJ.js";
import "./chunk-UDPY2YNM.js";
import "./chunk-DPFEQ3BD.js";
import "./chunk-QLXXIRE7.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-JSRTAX6G.js";
import {
  newRunDir,
  openProject
} from "./chunk-CFBMAY32.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-K5OGHA5Z.js";
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
