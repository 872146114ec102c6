#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  CommandError
} from "./chunk-BEL2JVQX.js";

// src/util/run-command.ts
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
var FORWARDED = ["SIGINT", "SIGTERM"];
async function runCommand(spec) {
  const log = createWriteStream(spec.logFile, { flags: "w" });
  const startedAt = /* @__PURE__ */ new Date();
  const child = spawn(spec.command, { cwd: spec.cwd, env: spec.env, shell: true, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const killGroup = (signal) => {
    if (child.pid === void 0) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
    }
  };
  let timedOut = false;
  let cancelledBy = null;
  let escalation;
  const stop = (signal) => {
    killGroup(signal);
    escalation ??= setTimeout(() => killGroup("SIGKILL"), spec.killGraceMs ?? 1e4);
  };
  const onSignal = (signal) => {
    cancelledBy = signal;
    stop(signal);
  };
  for (const signal of FORWARDED) process.on(signal, onSignal);
  const timer = setTimeout(() => {
    timedOut = true;
    stop("SIGTERM");
  }, spec.timeoutMs);
  const pipe = (chunk) => {
    const text = chunk.toString("utf8");
    log.write(text);
    spec.echo(text);
  };
  child.stdout.on("data", pipe);
  child.stderr.on("data", pipe);
  try {
    const { code, signal } = await new Promise((resolve, reject) => {
      child.once("error", (error) => reject(new CommandError(`cannot start "${spec.command}": ${error.message}`)));
      child.once("close", (exitCode2, exitSignal) => resolve({ code: exitCode2, signal: exitSignal }));
    });
    const exitCode = code ?? 128 + signalNumber(signal);
    return { exitCode, signal, timedOut, cancelledBy, startedAt, endedAt: /* @__PURE__ */ new Date() };
  } finally {
    clearTimeout(timer);
    if (escalation) clearTimeout(escalation);
    for (const signal of FORWARDED) process.off(signal, onSignal);
    await new Promise((resolve) => log.end(resolve));
  }
}
function signalNumber(signal) {
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return (signal && numbers[signal]) ?? 1;
}

export {
  runCommand
};
