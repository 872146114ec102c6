#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  checkOutputFolder,
  writeWhole
} from "./chunk-CAGI2WI3.js";
import {
  renderAnnotations,
  renderMarkdown,
  renderText,
  validateStage
} from "./chunk-PFZSQH2E.js";
import {
  validateData
} from "./chunk-LVHVS2NH.js";
import "./chunk-5LA4RBPL.js";
import {
  loadDataSchema
} from "./chunk-PHKZR6IB.js";
import {
  DataEngine,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import "./chunk-W2DRLS5N.js";
import {
  openConfig
} from "./chunk-HD62KVG5.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-HB6HQUKP.js";
import "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import "./chunk-FA4IZPLS.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";

// src/cli/commands/validate.ts
import path from "node:path";
function registerValidate(program, io, setExit) {
  program.command("validate").description("Check data against a schema (--data and --schema, or a model's data in --config); exit 0 when valid, 1 when a check fails, 2 on bad input.").option("-d, --data <file|glob>", "the data: a file, a directory or a glob of shards (CSV, TSV, Parquet, JSON, JSON Lines)").option("-s, --schema <file>", "the data schema (YAML)").option("-c, --config <file>", "instead of --data and --schema: check the model's training and production data against its data.schema in this trainyard config").option("-m, --model <name>", "the model of --config (required when it has several)").option("--json", "print the result as JSON").option("-r, --report <file.md>", "also write a Markdown report to this file").option("--annotations", "print GitHub annotations on the schema line of each failed check").option("--role <train|production>", "production data is not checked for the schema's training_only columns", "train").action(async (options) => {
    if (options.role !== "train" && options.role !== "production") throw new UsageError(`--role ${options.role}: expected train or production`);
    const report = options.report ? path.resolve(io.cwd, options.report) : void 0;
    if (options.config !== void 0 || options.model !== void 0) {
      if (options.data !== void 0 || options.schema !== void 0) throw new UsageError("give --data and --schema, or --config and --model, not both");
      if (report) await checkOutputFolder(report, options.report);
      setExit(await validateModel(io, options, report));
      return;
    }
    if (options.data !== void 0 && options.schema === void 0) throw new UsageError("--data needs --schema <file>, the data schema to check it against");
    if (options.data === void 0 || options.schema === void 0) throw new UsageError("expected --data <file|glob> and --schema <file>, or --config <file> with --model <name>");
    if (report) await checkOutputFolder(report, options.report);
    const schema = await loadDataSchema(path.resolve(io.cwd, options.schema), options.schema);
    const source = await resolveSource(options.data, io.cwd);
    const engine = await DataEngine.open();
    try {
      const result = await validateData({ engine, source, schema, root: io.cwd, role: options.role });
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
async function validateModel(io, options, report) {
  const loaded = await openConfig(io, options.config);
  const names = Object.keys(loaded.config.models);
  if (options.model !== void 0 && !names.includes(options.model)) throw new UsageError(`unknown model "${options.model}"; ${loaded.file} has: ${names.join(", ")}`);
  if (options.model === void 0 && names.length > 1) throw new UsageError(`the config has several models (${names.join(", ")}); choose one with --model`);
  const name = options.model ?? names[0];
  const outcome = await validateStage({ model: name, data: loaded.config.models[name].data, root: loaded.root });
  if (!outcome) {
    const note = `${name}: models.${name}.data.schema is not set; no data checked
`;
    io.stdout(options.json ? `${JSON.stringify({ model: name, valid: true, validations: [] }, null, 2)}
` : note);
    if (report) await writeWhole(report, note);
    return 0;
  }
  if (report) await writeWhole(report, outcome.markdown);
  io.stdout(options.json ? `${JSON.stringify({ model: name, valid: outcome.valid, validations: outcome.validations }, null, 2)}
` : outcome.text);
  if (options.annotations) for (const validation of outcome.validations) io.stdout(renderAnnotations(validation.result));
  return outcome.valid ? 0 : 1;
}
export {
  registerValidate
};
