#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  displayPath,
  runPipeline
<<<<<<<< HEAD:dist/chunks/run-5ELLJEWI.js
<<<<<<<< HEAD:dist/chunks/run-5ELLJEWI.js
} from "./chunk-ACMMQ7SF.js";
import "./chunk-GS5XSXSW.js";
import "./chunk-4PA5ZKRG.js";
import "./chunk-RHT74652.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-M2NHTWGM.js";
import "./chunk-KV7F7RSY.js";
========
} from "./chunk-5KZWYWY5.js";
import "./chunk-2725YAOJ.js";
import "./chunk-H5X6X6HJ.js";
import "./chunk-3D7M4YD4.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-UWTDR3G3.js";
>>>>>>>> issue-19b:dist/chunks/run-2PIW6Z6Q.js
import "./chunk-SSMX5QUN.js";
import "./chunk-SPPXELB2.js";
import "./chunk-7XROHMDV.js";
<<<<<<<< HEAD:dist/chunks/run-5ELLJEWI.js
import "./chunk-VKN24HTQ.js";
import "./chunk-LSLOKUQC.js";
import "./chunk-BPR4QXFR.js";
import "./chunk-XJ2T2R5F.js";
========
import "./chunk-OQ2MQ6IV.js";
import "./chunk-LUPGTUBQ.js";
import "./chunk-PLGQVMFY.js";
import "./chunk-2BTNKGXE.js";
>>>>>>>> issue-19b:dist/chunks/run-2PIW6Z6Q.js
========
} from "./chunk-65XMDWBC.js";
import "./chunk-WGJTOKJB.js";
import "./chunk-UER5RNEN.js";
import "./chunk-CGNWEF7P.js";
import "./chunk-7O6JYKSM.js";
import "./chunk-7XROHMDV.js";
import "./chunk-FSFNWE2U.js";
import "./chunk-VJFCMVYB.js";
import "./chunk-AEXKXCMM.js";
import "./chunk-XQPHDGNF.js";
import "./chunk-TIEDHPI3.js";
import "./chunk-HHUPVB5M.js";
>>>>>>>> issue-16:dist/chunks/run-JQZXHX4U.js
import "./chunk-OOJLEY5A.js";
import {
  openProject,
  runId
<<<<<<<< HEAD:dist/chunks/run-5ELLJEWI.js
} from "./chunk-FM4Y3QPE.js";
========
} from "./chunk-PGXO5EJF.js";
>>>>>>>> issue-16:dist/chunks/run-JQZXHX4U.js
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-GRHDYEXN.js";
import "./chunk-PMHM62NO.js";
<<<<<<<< HEAD:dist/chunks/run-5ELLJEWI.js
<<<<<<<< HEAD:dist/chunks/run-5ELLJEWI.js
import "./chunk-VE7YDIIK.js";
import "./chunk-PL3ZQNPW.js";
import "./chunk-PWI6BAP3.js";
========
import "./chunk-RPWO2FJL.js";
import "./chunk-7KOEJRCO.js";
import "./chunk-2I52LB5X.js";
import "./chunk-D2FE2DU7.js";
>>>>>>>> issue-19b:dist/chunks/run-2PIW6Z6Q.js
========
import "./chunk-3SIPTSTL.js";
import "./chunk-ZHPIKPMO.js";
import "./chunk-PWI6BAP3.js";
>>>>>>>> issue-16:dist/chunks/run-JQZXHX4U.js
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
