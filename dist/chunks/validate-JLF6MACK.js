#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  checkOutputFolder,
  writeWhole
} from "./chunk-P7Y5EX5O.js";
import {
  renderAnnotations,
  renderMarkdown,
  renderText
} from "./chunk-46KABV72.js";
import {
  loadDataSchema,
  validateData
} from "./chunk-CR456CXF.js";
import "./chunk-OOJLEY5A.js";
import "./chunk-KECDQUMW.js";
import {
  DataEngine,
  resolveSource
} from "./chunk-HS2ZUGFT.js";
import "./chunk-7KOEJRCO.js";
import "./chunk-D2FE2DU7.js";
import "./chunk-FA4IZPLS.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-5WCRJWUQ.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/validate.ts
import path from "node:path";
function registerValidate(program, io, setExit) {
  program.command("validate").description("Check data against a schema; exit 0 when valid, 1 when a check fails, 2 on bad input.").requiredOption("-d, --data <file|glob>", "the data: a file, a directory or a glob of shards (CSV, TSV, Parquet, JSON, JSON Lines)").requiredOption("-s, --schema <file>", "the data schema (YAML)").option("--json", "print the result as JSON").option("-r, --report <file.md>", "also write a Markdown report to this file").option("--annotations", "print GitHub annotations on the schema line of each failed check").action(async (options) => {
    const report = options.report ? path.resolve(io.cwd, options.report) : void 0;
    if (report) await checkOutputFolder(report, options.report);
    const schema = await loadDataSchema(path.resolve(io.cwd, options.schema), options.schema);
    const source = await resolveSource(options.data, io.cwd);
    const engine = await DataEngine.open();
    try {
      const result = await validateData({ engine, source, schema, root: io.cwd });
      if (report) await writeWhole(report, renderMarkdown(result));
      io.stdout(options.json ? `${JSON.stringify(result, null, 2)}
` : renderText(result));
      if (options.annotations) io.stdout(renderAnnotations(result));
      setExit(result.valid ? 0 : 1);
    } finally {
      engine.close();
    }
  });
}
export {
  registerValidate
};
