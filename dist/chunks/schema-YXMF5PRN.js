#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  checkOutputFolder,
  writeWhole
} from "./chunk-CAGI2WI3.js";
import {
  inferSchema,
  renderSchemaYaml
} from "./chunk-YIKWVUJG.js";
import "./chunk-RSA7L6FG.js";
import "./chunk-5LA4RBPL.js";
import {
  DataEngine,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/schema.ts
import path from "node:path";
function registerSchema(program, io, setExit) {
  const schema = program.command("schema").description("Work with data schemas.");
  schema.command("infer").description("Infer a data schema (types, nullability, ranges, small domains, uniqueness) from data.").requiredOption("-d, --data <file|glob>", "the data to learn from").option("-o, --out <schema.yml>", "write the schema to this file instead of printing it").action(async (options) => {
    const out = options.out ? path.resolve(io.cwd, options.out) : void 0;
    if (out) await checkOutputFolder(out, options.out);
    const source = await resolveSource(options.data, io.cwd);
    const engine = await DataEngine.open();
    try {
      const yaml = renderSchemaYaml(await inferSchema(engine, source), source.display);
      if (out) {
        await writeWhole(out, yaml);
        io.stdout(`Schema written to ${options.out}
`);
      } else io.stdout(yaml);
      setExit(0);
    } finally {
      engine.close();
    }
  });
}
export {
  registerSchema
};
