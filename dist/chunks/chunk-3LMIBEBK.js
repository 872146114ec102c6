#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  Command,
  CommanderError
} from "./chunk-QQCKP4CN.js";
import {
  VERSION
} from "./chunk-GKCJ2QSX.js";
import {
  EXIT,
  TrainyardError,
  describeThrown,
  exitCodeOfHttpStatus
} from "./chunk-BEL2JVQX.js";

// src/cli/main.ts
var COMMANDS = [
  { name: "run", load: async () => (await import("./run-QZSFFWP6.js")).registerRun },
  { name: "train", load: async () => (await import("./train-BA6PYBKY.js")).registerTrain },
  { name: "config", load: async () => (await import("./config-SDLWJXVG.js")).registerConfig },
  { name: "init", load: async () => (await import("./init-AGX62LMM.js")).registerInit },
  { name: "runner", load: async () => (await import("./runner-5TVBICOB.js")).registerRunner },
  { name: "registry", load: async () => (await import("./registry-NA65DPCT.js")).registerRegistry },
  { name: "deploy", load: async () => (await import("./deploy-MSIK5U6J.js")).registerDeploy },
  { name: "drift", load: async () => (await import("./drift-ULDAWM63.js")).registerDrift },
  { name: "monitor", load: async () => (await import("./monitor-SI2MJ4BT.js")).registerMonitor },
  { name: "monitor-publish", load: async () => (await import("./monitor-publish-XKBAQ2WR.js")).registerMonitorPublish },
  { name: "profile", load: async () => (await import("./profile-Y34WGPXA.js")).registerProfile },
  { name: "validate", load: async () => (await import("./validate-BAQ5MTPA.js")).registerValidate },
  { name: "schema", load: async () => (await import("./schema-YXMF5PRN.js")).registerSchema },
  { name: "evaluate", load: async () => (await import("./evaluate-XMLUK7YZ.js")).registerEvaluate },
  { name: "compare", load: async () => (await import("./compare-CTTESVMJ.js")).registerCompare },
  { name: "sandbox", load: async () => (await import("./sandbox-M4THREOU.js")).registerSandbox },
  { name: "doctor", load: async () => (await import("./doctor-ELSOGRG6.js")).registerDoctor },
  { name: "app", load: async () => (await import("./app-7K4JMXH3.js")).registerApp }
];
async function buildProgram(io, setExit, argv = []) {
  const program = new Command("trainyard").description("trainyard: an ML platform in your GitHub repository.").version(VERSION, "-V, --version").showHelpAfterError("(run with --help for usage)").configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).enablePositionalOptions().exitOverride();
  const named = COMMANDS.filter((command) => command.name === argv[0]);
  const wanted = named.length > 0 ? named : argv[0] === "--version" || argv[0] === "-V" ? [] : COMMANDS;
  const registers = await Promise.all(wanted.map((command) => command.load()));
  for (const register of registers) register(program, io, setExit);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}
function httpStatusOf(error) {
  if (!(error instanceof Error) || error.name !== "HttpError") return null;
  const status = error.status;
  return typeof status === "number" && status >= 400 ? status : null;
}
async function main(argv, io) {
  let exitCode = 0;
  const program = await buildProgram(io, (code) => exitCode = code, argv);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
      if (done) return 0;
      return error.code === "commander.executeSubCommandAsync" ? 0 : 2;
    }
    if (error instanceof TrainyardError) {
      io.stderr(`trainyard: ${error.message}
`);
      return error.exitCode;
    }
    const status = httpStatusOf(error);
    if (status !== null) {
      io.stderr(`trainyard: GitHub: ${describeThrown(error)} (HTTP ${status})
`);
      return exitCodeOfHttpStatus(status);
    }
    io.stderr(`trainyard: internal error: ${describeThrown(error)} (set TRAINYARD_DEBUG=1 for details)
`);
    if (io.env.TRAINYARD_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}
`);
    return EXIT.failure;
  }
}

export {
  buildProgram,
  main
};
