#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  openConfig
} from "./chunk-BBXHDV2B.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QBY6N5LK.js";
import "./chunk-POXGZ53D.js";
import "./chunk-EA7JVYYM.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/config.ts
function registerConfig(program, io, setExit) {
  const config = program.command("config").description("Work with the trainyard config file.");
  config.command("check").description("Validate the config file; errors name the line, column and key.").option("-c, --config <file>", "the trainyard config", ".github/trainyard.yml").action(async (options) => {
    const loaded = await openConfig(io, options.config);
    const names = Object.keys(loaded.config.models);
    io.stdout(`${loaded.file}: valid, ${names.length} model${names.length === 1 ? "" : "s"} (${names.join(", ")})
`);
    setExit(0);
  });
}
export {
  registerConfig
};
