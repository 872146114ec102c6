#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  inferSchema,
  renderSchemaYaml
} from "./chunk-YIKWVUJG.js";
import {
  CONFIG_SCHEMA_URL,
  RELEASE_REF,
  TRAINYARD_REPOSITORY,
  docsUrl,
  reusableWorkflowRef
} from "./chunk-RSA7L6FG.js";
import "./chunk-5LA4RBPL.js";
import {
  DataEngine,
  resolveSource
} from "./chunk-FNE57ZFB.js";
import {
  MODEL_NAME,
  parseConfig
} from "./chunk-QDZFQRV4.js";
import "./chunk-PWI6BAP3.js";
import {
  require_dist
} from "./chunk-FA4IZPLS.js";
import {
  UsageError
} from "./chunk-BEL2JVQX.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/cli/commands/init.ts
import path5 from "node:path";

// src/init/choices.ts
var import_yaml = __toESM(require_dist(), 1);

// src/init/discover.ts
var DATA_EXTENSIONS = /\.(csv|tsv|parquet|jsonl|ndjson)$/i;
var JSON_DATA = /\.json$/i;
var DATA_FOLDER = /(^|\/)(data|datasets?)\//i;
var TRAIN = /(^|[^a-z])train(ing)?([^a-z]|$)/i;
var PRODUCTION = /(^|[^a-z])(prod|production|serving|live|current|recent|scoring)([^a-z]|$)/i;
var TEST_SPLIT = /(^|[^a-z])(test|valid|validation|eval|holdout)([^a-z]|$)/i;
var SCRIPT_NAMES = ["train.py", "train.mjs", "train.js", "train.ts", "train.sh", "main.py"];
var SCRIPT_FOLDERS = ["", "scripts/", "src/", "training/"];
function isData(file) {
  return DATA_EXTENSIONS.test(file.path) || JSON_DATA.test(file.path) && DATA_FOLDER.test(file.path);
}
function basename(file) {
  return file.split("/").at(-1);
}
function dirname(file) {
  const parts = file.split("/");
  return parts.slice(0, -1).join("/");
}
function pickTrain(files) {
  const named = files.filter((file) => TRAIN.test(basename(file.path)));
  const pool = named.length > 0 ? named : files.filter((file) => !PRODUCTION.test(basename(file.path)) && !TEST_SPLIT.test(basename(file.path)));
  return [...pool].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))[0]?.path;
}
function pickProduction(files, train) {
  return files.filter((file) => file.path !== train && PRODUCTION.test(basename(file.path))).sort((a, b) => a.path.localeCompare(b.path))[0]?.path;
}
function rankScripts(paths) {
  const found = [];
  for (const folder of SCRIPT_FOLDERS) for (const name of SCRIPT_NAMES) if (paths.has(folder + name)) found.push(folder + name);
  return found;
}
function schemaCandidates(paths, train) {
  const folders = train === void 0 ? [""] : [dirname(train), ""];
  const candidates = [];
  for (const folder of folders) {
    for (const file of paths) {
      if (dirname(file) === folder && /^(schema|.+\.schema)\.ya?ml$/i.test(basename(file)) && !candidates.includes(file)) candidates.push(file);
    }
  }
  return candidates;
}
var PYTHON_DEPENDENCY_FILES = ["uv.lock", "requirements.txt", "pyproject.toml", "environment.yml", "environment.yaml"];
function pythonDependencies(paths, script) {
  const folders = [.../* @__PURE__ */ new Set([script ? dirname(script) : "", ""])];
  for (const folder of folders) {
    for (const name of PYTHON_DEPENDENCY_FILES) {
      const file = folder ? `${folder}/${name}` : name;
      if (paths.has(file)) return file;
    }
  }
  return void 0;
}
function modelNameFrom(folder) {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 63).replace(/-+$/, "");
  return MODEL_NAME.test(name) ? name : "model";
}
function discover(input) {
  const data = input.files.filter(isData);
  const train = pickTrain(data);
  const production = pickProduction(data, train);
  const dataFiles = [...data.map((file) => file.path)].sort((a, b) => Number(b === train) - Number(a === train) || a.localeCompare(b));
  const paths = input.files.map((file) => file.path);
  const scripts = rankScripts(new Set(paths));
  return {
    dataFiles,
    train,
    production,
    scripts,
    pythonDependencies: pythonDependencies(new Set(paths), scripts[0]),
    schemaCandidates: schemaCandidates(paths, train),
    defaultBranch: input.defaultBranch,
    suggestedModel: modelNameFrom(input.folderName)
  };
}
function commandFor(script) {
  const quoted = /^[\w./-]+$/.test(script) ? script : `"${script.replace(/(["\\$`])/g, "\\$1")}"`;
  if (script.endsWith(".py")) return `python ${quoted}`;
  if (script.endsWith(".ts")) return `npx tsx ${quoted}`;
  if (script.endsWith(".sh")) return `bash ${quoted}`;
  return `node ${quoted}`;
}

// src/init/choices.ts
var TASKS = ["binary", "multiclass", "regression"];
function isDataSchema(text) {
  try {
    const value = (0, import_yaml.parse)(text);
    return typeof value?.columns === "object" && value.columns !== null && !Array.isArray(value.columns);
  } catch {
    return false;
  }
}
function checkModel(name) {
  if (!MODEL_NAME.test(name)) throw new UsageError(`model name "${name}" is invalid; expected lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 63 characters`);
  return name;
}
function checkTask(task) {
  if (!TASKS.includes(task)) throw new UsageError(`task "${task}" is invalid; expected one of ${TASKS.join(", ")}`);
  return task;
}
async function resolveChoices(input) {
  const { discovery, flags } = input;
  const ask = input.ask ?? (async (_question, fallback) => fallback);
  const model = checkModel(flags.model ?? await ask("Model name", discovery.suggestedModel));
  const task = checkTask(flags.task ?? await ask(`Task (${TASKS.join(", ")})`, "binary"));
  const train = flags.data ?? discovery.train ?? (input.ask ? await ask("Training data (a file, directory or glob)", "") : void 0);
  if (!train) throw new UsageError("no training data found (CSV, TSV, Parquet, JSON Lines); pass --data <file|dir|glob>");
  const script = discovery.scripts[0];
  const command = flags.command ?? await ask("Training command", script ? commandFor(script) : "");
  if (!command.trim()) throw new UsageError('no training script found (train.py, train.mjs, train.js, train.sh, ...); pass --command "<command>"');
  const schema = discovery.schemaCandidates.find((file) => isDataSchema(input.schemaTexts[file] ?? ""));
  const python2 = /^(python3?|uv run|poetry run|conda run)\b/.test(command.trim());
  return {
    model,
    task,
    command,
    ...python2 && discovery.pythonDependencies ? { pythonRequirements: discovery.pythonDependencies } : {},
    train,
    production: discovery.production,
    schema,
    runsOn: ["self-hosted", "gpu"],
    environment: "production",
    defaultBranch: discovery.defaultBranch,
    driftSchedule: "0 6 * * 1"
  };
}

// src/init/render-callers.ts
var q = (value) => JSON.stringify(value);
var labels = (runsOn) => `'${JSON.stringify(runsOn).replace(/'/g, "''")}'`;
function caller(file, lines) {
  return { path: `.github/workflows/${file}`, content: [`# Written by \`trainyard init\`; calls ${reusableWorkflowRef(file)}.`, ...lines, ""].join("\n") };
}
var python = (choices) => choices.pythonRequirements ? [`      python-requirements: ${q(choices.pythonRequirements)}`] : [];
function pullRequest(choices) {
  return caller("trainyard-pr.yml", [
    "name: trainyard pr",
    "on:",
    "  pull_request:",
    "    # labeled: a maintainer's trainyard:safe-to-train label lets a fork's pull request train.",
    "    types: [opened, synchronize, reopened, labeled]",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  pipeline:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-pr.yml")}`,
    "    permissions:",
    "      contents: read",
    "    with:",
    `      model: ${q(choices.model)}`,
    `      runner-labels: ${labels(choices.runsOn)}`,
    ...python(choices)
  ]);
}
function release(choices) {
  return caller("trainyard-release.yml", [
    "name: trainyard release",
    "on:",
    "  push:",
    `    branches: [${q(choices.defaultBranch)}]`,
    "  workflow_dispatch:",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  release:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-release.yml")}`,
    "    permissions:",
    "      contents: write",
    "      deployments: write",
    "      checks: read",
    "    with:",
    `      model: ${q(choices.model)}`,
    `      environment: ${q(choices.environment)}`,
    `      runner-labels: ${labels(choices.runsOn)}`,
    ...python(choices)
  ]);
}
function retrain(choices) {
  return caller("trainyard-retrain.yml", [
    "name: trainyard retrain",
    "on:",
    "  # Dispatched by the trainyard App (drift, `/trainyard retrain`) or from the Actions tab.",
    "  workflow_dispatch:",
    "    inputs:",
    "      model:",
    "        description: The model to retrain",
    "        type: choice",
    `        options: [${q(choices.model)}]`,
    "        required: true",
    "      reason:",
    "        description: Why it is retrained",
    "        type: string",
    "        default: manual",
    "      data-snapshot:",
    "        description: The data snapshot to train on (empty means as committed)",
    "        type: string",
    '        default: ""',
    "permissions:",
    "  contents: read",
    "jobs:",
    "  retrain:",
    "    name: ${{ inputs.model }}",
    `    uses: ${reusableWorkflowRef("trainyard-retrain.yml")}`,
    "    permissions:",
    "      contents: read",
    "    with:",
    "      model: ${{ inputs.model }}",
    "      reason: ${{ inputs.reason }}",
    "      data-snapshot: ${{ inputs.data-snapshot }}",
    `      runner-labels: ${labels(choices.runsOn)}`,
    ...python(choices)
  ]);
}
function drift(choices) {
  return caller("trainyard-drift.yml", [
    "name: trainyard drift",
    "on:",
    "  schedule:",
    `    - cron: ${q(choices.driftSchedule)}`,
    "  workflow_dispatch:",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  drift:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-drift.yml")}`,
    "    permissions:",
    "      contents: read",
    "    with:",
    `      model: ${q(choices.model)}`,
    `      environment: ${q(choices.environment)}`
  ]);
}
function monitor(choices) {
  return caller("trainyard-monitor.yml", [
    "name: trainyard monitor",
    "on:",
    "  schedule:",
    `    - cron: ${q(MONITOR_SCHEDULE)}`,
    "  workflow_dispatch:",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  monitor:",
    `    name: ${q(choices.model)}`,
    `    uses: ${reusableWorkflowRef("trainyard-monitor.yml")}`,
    "    permissions:",
    "      contents: write",
    "      issues: write",
    "      pull-requests: write",
    "      actions: write",
    "    with:",
    `      model: ${q(choices.model)}`
  ]);
}
var MONITOR_SCHEDULE = "17 1 * * *";
function renderCallers(choices) {
  return [pullRequest(choices), release(choices), retrain(choices), ...choices.production ? [drift(choices), monitor(choices)] : []];
}

// src/init/render-config.ts
var q2 = (value) => JSON.stringify(value);
var DEFAULT_POLICY = {
  binary: { metric: "roc_auc", rule: "{ greater_is_better: true, threshold: 0.5, min_relative_change: 0 }" },
  multiclass: { metric: "accuracy", rule: "{ greater_is_better: true, min_relative_change: 0 }" },
  regression: { metric: "rmse", rule: "{ greater_is_better: false, min_relative_change: 0 }" }
};
var POLICY_EXAMPLE = {
  binary: "roc_auc: { greater_is_better: true, threshold: 0.7, min_absolute_change: 0.002 }",
  multiclass: "accuracy: { greater_is_better: true, threshold: 0.7 }",
  regression: "rmse: { greater_is_better: false, min_relative_change: 0.01 }"
};
function renderConfig(choices) {
  const data = [`      train: ${q2(choices.train)}`];
  if (choices.production) data.push(`      production: ${q2(choices.production)}`);
  if (choices.schema) data.push(`      schema: ${q2(choices.schema)}`);
  const drift2 = choices.production ? [
    "    drift:",
    `      current: ${q2(choices.production)}`,
    "      # Left out of drift checks: ids (unique in the schema, or named like one), the",
    "      # schema's training_only columns (the label) and dates; list more under exclude.",
    `      exclude: []`,
    `      schedule: ${q2(choices.driftSchedule)}`
  ] : [];
  const policy = DEFAULT_POLICY[choices.task];
  return [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    "# trainyard configuration, written by `trainyard init`. Paths are relative to the",
    "# repository root. `trainyard config check` validates this file.",
    "version: 1",
    "models:",
    `  ${choices.model}:`,
    `    task: ${choices.task}`,
    "    data:",
    ...data,
    "    training:",
    `      command: ${q2(choices.command)}`,
    `      runs_on: [${choices.runsOn.map(q2).join(", ")}]`,
    "    # Without an evaluation section, trainyard evaluates the held-out rows of predictions.csv.",
    "    # To judge every version on the same labelled rows, hold out the training rows whose",
    "    # id hashes below a fraction (SHA-256 of the id) in the trainer, then uncomment this",
    "    # with your id and label columns: trainyard joins the predictions to them by id and",
    "    # computes the metrics itself.",
    "    # evaluation:",
    "    #   split: { fraction: 0.2 }",
    "    #   id: id",
    "    #   label: label",
    "    metrics:",
    "      # Files the training command writes into $TRAINYARD_OUTPUT_DIR.",
    "      file: metrics.json",
    "      predictions: predictions.csv",
    "      # Gates a candidate must pass, per metric name (from metrics.json, else computed",
    `      # from predictions.csv). The default: ${policy.metric} may not get worse than the champion's.`,
    `      # A stricter gate: ${POLICY_EXAMPLE[choices.task]}`,
    "      policy:",
    `        ${policy.metric}: ${policy.rule}`,
    "    promotion:",
    `      environment: ${q2(choices.environment)}`,
    "      required_approvals: 1",
    ...drift2,
    ""
  ].join("\n");
}

// src/init/plan.ts
var CONFIG_FILE = ".github/trainyard.yml";
function nextSteps(choices) {
  const steps = [
    `Run the pipeline here: \`npx trainyard config check\`, then \`npx trainyard run\`.`,
    `Register your own trainyard GitHub App (there is no public one): \`npx trainyard app create --owner <you or your organisation>\`, then install it on this repository (${docsUrl("app.md")}).`,
    `Create the environment "${choices.environment}" (Settings > Environments) and enable the App's deployment protection rule (${docsUrl("app.md")}).`,
    `Add the repository variable TRAINYARD_APP_ID (Settings > Secrets and variables > Actions > Variables) with your App's id: the release workflow deploys only on that App's "trainyard / promotion" check (${docsUrl("app.md")}).`,
    `Add a self-hosted runner with the labels ${choices.runsOn.join(", ")} (https://github.com/${TRAINYARD_REPOSITORY}/blob/${RELEASE_REF}/runner-images/README.md).`,
    `Create the label "trainyard:safe-to-train"; a maintainer applies it to let a fork's pull request train (${docsUrl("security.md")}).`,
    `Review the metric gate under models.${choices.model}.metrics.policy in ${CONFIG_FILE}, then run \`trainyard config check\`.`
  ];
  if (choices.releaseBranchFrom === "local") steps.push(`Releases run on "${choices.defaultBranch}" (this checkout has no origin/HEAD); if the repository's default branch differs, edit .github/workflows/trainyard-release.yml.`);
  if (!choices.schema) steps.push(`Add a data schema and point models.${choices.model}.data.schema at it, so pull requests validate the data.`);
  if (choices.production) steps.push(`Point models.${choices.model}.monitoring at the prediction log for trainyard-monitor.yml, and let GitHub Actions create pull requests (Settings > Actions > General) so monitoring can open the retraining pull request (${docsUrl("monitoring-github.md")}).`);
  if (!choices.production) steps.push(`Add production data as models.${choices.model}.data.production to monitor drift (trainyard-drift.yml was not written).`);
  steps.push("Commit the files and open a pull request.");
  return steps;
}
function planInit(found, inferredSchema) {
  const choices = inferredSchema && !found.schema ? { ...found, schema: inferredSchema.path } : found;
  const config = renderConfig(choices);
  parseConfig(config, CONFIG_FILE);
  const schemaFiles = inferredSchema && !found.schema ? [inferredSchema] : [];
  return { choices, files: [{ path: CONFIG_FILE, content: config }, ...schemaFiles, ...renderCallers(choices)], nextSteps: nextSteps(choices) };
}

// src/init/scan.ts
import { execFile } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
var SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules", ".venv", "venv", "env", "__pycache__", ".trainyard", "out", "dist", "build", "target", "coverage", ".mypy_cache", ".pytest_cache", ".ipynb_checkpoints", "wandb", "mlruns"]);
var MAX_FILES = 2e4;
var MAX_DEPTH = 6;
async function listRepoFiles(root) {
  const files = [];
  async function walk(dir, depth) {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= MAX_FILES) return;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && depth < MAX_DEPTH) await walk(relative, depth + 1);
      } else if (entry.isFile()) {
        files.push({ path: relative, size: (await stat(path.join(root, relative))).size });
      }
    }
  }
  await walk("", 0);
  return files;
}
async function currentBranch(root) {
  const head = await readFile(path.join(root, ".git", "HEAD"), "utf8").catch(() => "");
  return /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() || "main";
}
function git(root, args) {
  return new Promise((resolve) => {
    execFile("git", args, { cwd: root, timeout: 1e4 }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}
async function releaseBranch(root) {
  const remote = await git(root, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  const branch = remote?.replace(/^origin\//, "");
  if (branch) return { branch, from: "remote" };
  const local = await git(root, ["symbolic-ref", "--quiet", "--short", "HEAD"]) || await currentBranch(root);
  return { branch: local, from: "local" };
}

// src/cli/commands/init.ts
import { readFile as readFile3 } from "node:fs/promises";

// src/init/infer-schema.ts
import path2 from "node:path";
async function inferSchemaFile(root, train, production, existing) {
  const folder = path2.posix.dirname(train);
  const name = existing.includes(path2.posix.join(folder, "schema.yml")) ? "trainyard.schema.yml" : "schema.yml";
  const engine = await DataEngine.open();
  try {
    const trainSource = await resolveSource(train, root);
    const trainOnly = await inferSchema(engine, trainSource);
    let schema = trainOnly;
    let display = trainSource.display;
    const trainingOnly = [];
    if (production) {
      const productionSource = await resolveSource(production, root);
      const productionColumns = (await engine.register("trainyard_init_production", productionSource)).map((column) => column.name);
      const both = await resolveSource([train, production], root);
      const together = await inferSchema(engine, both);
      display = both.display;
      const columns = {};
      for (const [column, rule] of Object.entries(trainOnly.columns)) {
        if (productionColumns.includes(column)) columns[column] = together.columns[column] ?? rule;
        else {
          columns[column] = { ...rule, training_only: true };
          trainingOnly.push(column);
        }
      }
      schema = { rows: together.rows, columns };
    }
    const unique = Object.entries(schema.columns).flatMap(([column, rule]) => rule.unique ? [column] : []);
    return { file: { path: path2.posix.join(folder, name), content: renderSchemaYaml(schema, display) }, trainingOnly, unique };
  } finally {
    engine.close();
  }
}

// src/init/gitignore.ts
import { readFile as readFile2, writeFile } from "node:fs/promises";
import path3 from "node:path";
var ENTRY = ".trainyard/";
function ignoresRunFolder(text) {
  return text.split(/\r?\n/).some((line) => [".trainyard", ".trainyard/", "/.trainyard", "/.trainyard/", ".trainyard/*", "/.trainyard/*"].includes(line.trim()));
}
async function ignoreRunFolder(root) {
  const file = path3.join(root, ".gitignore");
  const text = await readFile2(file, "utf8").catch((error) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (text !== null && ignoresRunFolder(text)) return null;
  const block = `# trainyard: runs, trained models and the local registry
${ENTRY}
`;
  if (text === null) {
    await writeFile(file, block);
    return "created";
  }
  await writeFile(file, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${text === "" ? "" : "\n"}${block}`);
  return "updated";
}

// src/util/write-files.ts
import { mkdir, rename, rm, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import path4 from "node:path";
async function exists(file) {
  return stat2(file).then(() => true, () => false);
}
async function existingFiles(root, files) {
  const found = [];
  for (const file of files) if (await exists(path4.join(root, file.path))) found.push(file.path);
  return found;
}
async function writeAllOrNothing(root, files, options) {
  const existing = await existingFiles(root, files);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(`${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; nothing was written (use --force to replace)`);
  }
  const temporaries = [];
  try {
    for (const file of files) {
      const target = path4.join(root, file.path);
      const temporary = path4.join(path4.dirname(target), `.${path4.basename(target)}.trainyard-${process.pid}.tmp`);
      await mkdir(path4.dirname(target), { recursive: true });
      temporaries.push([temporary, target]);
      await writeFile2(temporary, file.content, { flag: "wx" });
    }
  } catch (error) {
    await Promise.all(temporaries.map(([temporary]) => rm(temporary, { force: true })));
    throw error;
  }
  for (const [temporary, target] of temporaries) await rename(temporary, target);
}

// src/cli/commands/init.ts
function registerInit(program, io, setExit) {
  program.command("init").description("Set up trainyard in this repository: find the data and training script, write .github/trainyard.yml and the caller workflows.").option("-m, --model <name>", "the model name (default: from the folder name)").option("--task <task>", "binary, multiclass or regression (default: binary)").option("--command <command>", "the training command (default: from the training script found)").option("--data <path>", "the training data (default: the data file found)").option("-y, --yes", "accept what was found without asking").option("--force", "replace files that already exist").action(async (options) => {
    const root = io.cwd;
    const repoFiles = await listRepoFiles(root);
    const release2 = await releaseBranch(root);
    const discovery = discover({ files: repoFiles, folderName: path5.basename(root), defaultBranch: release2.branch });
    const schemaTexts = Object.fromEntries(await Promise.all(discovery.schemaCandidates.map(async (file) => [file, await readFile3(path5.join(root, file), "utf8")])));
    const { model, task, command, data } = options;
    const flags = { ...model ? { model } : {}, ...task ? { task } : {}, ...command ? { command } : {}, ...data ? { data } : {} };
    const choices = { ...await resolveChoices({ discovery, flags, schemaTexts, ask: options.yes ? void 0 : io.ask }), releaseBranchFrom: release2.from };
    const inferred = choices.schema ? void 0 : await inferSchemaFile(root, choices.train, choices.production, repoFiles.map((file) => file.path));
    const plan = planInit(choices, inferred?.file);
    await writeAllOrNothing(root, plan.files, { force: options.force === true });
    const ignored = await ignoreRunFolder(root);
    io.stdout(`trainyard: set up model "${choices.model}" (${choices.task}), training with \`${choices.command}\` on ${choices.train}
`);
    for (const file of plan.files) io.stdout(`  wrote ${file.path}
`);
    if (ignored) io.stdout(`  ${ignored === "created" ? "wrote" : "updated"} .gitignore (.trainyard/ holds runs, models and the local registry)
`);
    if (choices.pythonRequirements) io.stdout(`  the training job installs ${choices.pythonRequirements} into a virtual environment (python-requirements)
`);
    if (inferred?.trainingOnly.length) io.stdout(`  training_only in the schema (production lacks them): ${inferred.trainingOnly.join(", ")}
`);
    io.stdout(`  releases run on "${choices.defaultBranch}" (${release2.from === "remote" ? "the remote's default branch" : "the current branch; there is no origin/HEAD"})
`);
    io.stdout("\nNext steps:\n");
    plan.nextSteps.forEach((step, index) => io.stdout(`  ${index + 1}. ${step}
`));
    setExit(0);
  });
}
export {
  registerInit
};
