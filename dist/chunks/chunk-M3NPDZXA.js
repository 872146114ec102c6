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
} from "./chunk-B6N3TWPJ.js";

// src/cli/main.ts
var COMMANDS = [
  { name: "run", load: async () => (await import("./run-7DH7VASW.js")).registerRun },
  { name: "train", load: async () => (await import("./train-PILLVF32.js")).registerTrain },
  { name: "config", load: async () => (await import("./config-2XQA52DQ.js")).registerConfig },
  { name: "init", load: async () => (await import("./init-B7IHLI4P.js")).registerInit },
  { name: "runner", load: async () => (await import("./runner-YDUJNML5.js")).registerRunner },
  { name: "registry", load: async () => (await import("./registry-6OIVT5CT.js")).registerRegistry },
  { name: "deploy", load: async () => (await import("./deploy-KTP4MSNW.js")).registerDeploy },
  { name: "drift", load: async () => (await import("./drift-OENV2UWV.js")).registerDrift },
  { name: "monitor", load: async () => (await import("./monitor-J2GQASTO.js")).registerMonitor },
  { name: "monitor-publish", load: async () => (await import("./monitor-publish-ZJLCY555.js")).registerMonitorPublish },
  { name: "profile", load: async () => (await import("./profile-Y7O7CPRB.js")).registerProfile },
  { name: "validate", load: async () => (await import("./validate-PCQQHYXX.js")).registerValidate },
  { name: "schema", load: async () => (await import("./schema-LUPRUUYY.js")).registerSchema },
  { name: "evaluate", load: async () => (await import("./evaluate-VROEV6HX.js")).registerEvaluate },
  { name: "compare", load: async () => (await import("./compare-RWDGDVGB.js")).registerCompare },
  { name: "sandbox", load: async () => (await import("./sandbox-OFCSYVPU.js")).registerSandbox },
  { name: "doctor", load: async () => (await import("./doctor-WV6HCDSP.js")).registerDoctor },
  { name: "app", load: async () => (await import("./app-2IIWU5UD.js")).registerApp }
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
