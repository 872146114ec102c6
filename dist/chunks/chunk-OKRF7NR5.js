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
  TrainyardError,
  describeThrown
} from "./chunk-5WCRJWUQ.js";

// src/cli/main.ts
var COMMANDS = [
  { name: "run", load: async () => (await import("./run-6H3XBSQ3.js")).registerRun },
  { name: "train", load: async () => (await import("./train-UANZNDKN.js")).registerTrain },
  { name: "config", load: async () => (await import("./config-QYRBEIS2.js")).registerConfig },
  { name: "init", load: async () => (await import("./init-54PX7BPA.js")).registerInit },
  { name: "runner", load: async () => (await import("./runner-SH3F6FQK.js")).registerRunner },
  { name: "registry", load: async () => (await import("./registry-ZSIEL7HP.js")).registerRegistry },
  { name: "deploy", load: async () => (await import("./deploy-G5ZXH5IS.js")).registerDeploy },
  { name: "drift", load: async () => (await import("./drift-3W3WN47M.js")).registerDrift },
  { name: "profile", load: async () => (await import("./profile-7HRG2GWF.js")).registerProfile },
  { name: "validate", load: async () => (await import("./validate-7ZCVRP3X.js")).registerValidate },
  { name: "schema", load: async () => (await import("./schema-WSJALJEE.js")).registerSchema },
  { name: "evaluate", load: async () => (await import("./evaluate-7MLSEMHD.js")).registerEvaluate },
  { name: "compare", load: async () => (await import("./compare-KRHD6FR5.js")).registerCompare },
  { name: "sandbox", load: async () => (await import("./sandbox-ALEHJYI2.js")).registerSandbox }
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
    io.stderr(`trainyard: internal error: ${describeThrown(error)} (set TRAINYARD_DEBUG=1 for details)
`);
    if (io.env.TRAINYARD_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}
`);
    return 1;
  }
}

export {
  buildProgram,
  main
};
