#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  docsUrl
} from "./chunk-RSA7L6FG.js";
import {
  DEFAULT_API_URL,
  octokitFor
} from "./chunk-XX3I4QGU.js";
import "./chunk-JG6JLZV2.js";
import "./chunk-F24SZCLD.js";
import {
  require_dist
} from "./chunk-EA7JVYYM.js";
import {
  ConfigError,
  UsageError
} from "./chunk-BEL2JVQX.js";
import {
  __toESM
} from "./chunk-M6HMHLEN.js";

// src/cli/commands/app.ts
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path2 from "node:path";

// src/app/manifest.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
var MANIFEST_FILE = path.join("app", "app.yml");
function findManifest(from = path.dirname(fileURLToPath(import.meta.url))) {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, MANIFEST_FILE)) && existsSync(path.join(dir, "package.json"))) return path.join(dir, MANIFEST_FILE);
    if (path.dirname(dir) === dir) throw new UsageError(`app create: ${MANIFEST_FILE} is not part of this installation; reinstall trainyard (npm i -D trainyard)`);
  }
}
var APP_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,33}$/;
function buildManifest(text, file, options) {
  if (!APP_NAME.test(options.name)) throw new UsageError(`--name "${options.name}": expected at most 34 letters, digits, spaces, "-" or "_" (GitHub's rule for App names)`);
  if (options.webhookUrl !== void 0 && !/^https:\/\/[^\s]+$/.test(options.webhookUrl)) throw new UsageError(`--webhook-url "${options.webhookUrl}": expected an https:// URL where the App's server receives webhooks`);
  const base = (0, import_yaml.parse)(text);
  if (!base || typeof base.default_permissions !== "object" || !Array.isArray(base.default_events)) {
    throw new ConfigError({ file, message: "not a GitHub App manifest; expected default_permissions and default_events" });
  }
  return {
    name: options.name,
    url: base.url ?? "https://github.com/trainyard/trainyard",
    hook_attributes: options.webhookUrl ? { url: options.webhookUrl, active: true } : { url: base.hook_attributes?.url ?? "https://example.com/api/github/webhooks", active: false },
    redirect_url: options.redirectUrl,
    public: false,
    default_permissions: base.default_permissions,
    default_events: base.default_events
  };
}
async function readManifest(file, options) {
  return buildManifest(await readFile(file, "utf8"), file, options);
}
function newAppUrl(githubUrl, owner, state) {
  const base = githubUrl.replace(/\/+$/, "");
  const page = owner ? `${base}/organizations/${encodeURIComponent(owner)}/settings/apps/new` : `${base}/settings/apps/new`;
  return `${page}?state=${encodeURIComponent(state)}`;
}
function settingsUrl(githubUrl, owner, slug) {
  const base = githubUrl.replace(/\/+$/, "");
  return owner ? `${base}/organizations/${encodeURIComponent(owner)}/settings/apps/${slug}` : `${base}/settings/apps/${slug}`;
}
var escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
function manifestPage(action, manifest) {
  return [
    "<!doctype html>",
    '<meta charset="utf-8"><title>Register the trainyard App</title>',
    `<form id="manifest" method="post" action="${escapeHtml(action)}">`,
    `<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">`,
    `<p>Registering <b>${escapeHtml(manifest.name)}</b> on GitHub\u2026</p><button type="submit">Continue to GitHub</button>`,
    "</form>",
    '<script>document.getElementById("manifest").submit()</script>',
    ""
  ].join("\n");
}

// src/cli/commands/app.ts
function githubUrlFor(apiUrl) {
  return apiUrl === DEFAULT_API_URL ? "https://github.com" : apiUrl.replace(/\/api\/v3\/?$/, "");
}
function registerApp(program, io, setExit) {
  const app = program.command("app").description("The trainyard GitHub App: register your own from its manifest (app/app.yml).");
  app.command("create").description("Register a trainyard GitHub App with GitHub's manifest flow: open the printed URL, confirm on GitHub, and the App's id, key and webhook secret are written to --out.").option("--owner <org>", "register the App on this organisation (default: your user account)").option("--name <name>", "the App's name, unique on GitHub (default: trainyard-<owner>, or trainyard-<random> for a user)").option("--webhook-url <url>", "where the App's server receives webhooks (https); omit when the App runs as the actions/app job").option("-o, --out <dir>", "where the credentials are written", ".trainyard/app").option("--port <n>", "the local port of the page that posts the manifest (0: any free port)", "0").option("--github-url <url>", "GitHub's web address (GitHub Enterprise Server: https://<host>)").option("--timeout <seconds>", "give up when GitHub has not sent the browser back by then", "900").option("--print-manifest", "print the manifest and the page it is posted to, and register nothing").action(async (options) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${options.port}: expected a port number from 0 to 65535`);
    const timeout = Number(options.timeout);
    if (!(timeout > 0)) throw new UsageError(`--timeout ${options.timeout}: expected a positive number of seconds`);
    const apiUrl = io.env.GITHUB_API_URL || DEFAULT_API_URL;
    const githubUrl = (options.githubUrl ?? githubUrlFor(apiUrl)).replace(/\/+$/, "");
    const name = options.name ?? `trainyard-${options.owner ?? randomBytes(3).toString("hex")}`.slice(0, 34);
    const state = randomBytes(16).toString("hex");
    const file = findManifest();
    if (options.printManifest) {
      const manifest = await readManifest(file, { name, webhookUrl: options.webhookUrl, redirectUrl: `http://127.0.0.1:${port || 3e3}/callback` });
      io.stdout(`POST ${newAppUrl(githubUrl, options.owner, "<state>")}
manifest=${JSON.stringify(manifest, null, 2)}
`);
      setExit(0);
      return;
    }
    const received = new Promise((resolve, reject) => {
      const server = createServer((request, response) => {
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        if (url.pathname === "/") {
          const redirectUrl = `http://127.0.0.1:${server.address().port}/callback`;
          readManifest(file, { name, webhookUrl: options.webhookUrl, redirectUrl }).then(
            (manifest) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(manifestPage(newAppUrl(githubUrl, options.owner, state), manifest)),
            (error) => response.writeHead(500).end(String(error))
          );
          return;
        }
        if (url.pathname === "/callback" && url.searchParams.get("state") === state && url.searchParams.get("code")) {
          response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("GitHub registered the App; trainyard is saving its credentials. You can close this tab.\n");
          clearTimeout(timer);
          server.close();
          resolve(url.searchParams.get("code"));
          return;
        }
        response.writeHead(url.pathname === "/callback" ? 400 : 404).end(url.pathname === "/callback" ? "unexpected state or no code\n" : "not found\n");
      });
      const timer = setTimeout(() => {
        server.close();
        reject(new UsageError(`app create: GitHub did not send the browser back within ${timeout} s; run it again and confirm the App on GitHub`));
      }, timeout * 1e3);
      server.once("error", (error) => {
        clearTimeout(timer);
        reject(new UsageError(`--port ${port}: cannot listen on 127.0.0.1 (${error.code ?? error.message})`));
      });
      server.listen(port, "127.0.0.1", () => {
        const local = `http://127.0.0.1:${server.address().port}/`;
        io.stdout(`Open ${local} in a browser on this machine: it posts the manifest of "${name}" to ${newAppUrl(githubUrl, options.owner, "\u2026").replace(/\?.*$/, "")}.
`);
        io.stdout("Confirm the App there; GitHub then sends the browser back here. Waiting\u2026\n");
      });
    });
    const code = await received;
    const octokit = octokitFor(io, void 0);
    const { data } = await octokit.request("POST /app-manifests/{code}/conversions", { code });
    const out = path2.resolve(io.cwd, options.out);
    await mkdir(out, { recursive: true, mode: 448 });
    const keyFile = path2.join(out, `${data.slug}.private-key.pem`);
    const envFile = path2.join(out, `${data.slug}.env`);
    await writeFile(keyFile, data.pem, { mode: 384 });
    const env = [`APP_ID=${data.id}`, `PRIVATE_KEY_PATH=${keyFile}`, `WEBHOOK_SECRET=${data.webhook_secret ?? ""}`, `GITHUB_CLIENT_ID=${data.client_id}`, `GITHUB_CLIENT_SECRET=${data.client_secret}`, ""];
    await writeFile(envFile, env.join("\n"), { mode: 384 });
    const shown = (file2) => path2.relative(io.cwd, file2) || file2;
    io.stdout(
      [
        `Registered the GitHub App "${data.slug}" (id ${data.id}).`,
        `  credentials: ${shown(envFile)} and ${shown(keyFile)} (keep them out of git; .trainyard/ is git-ignored)`,
        `  settings:    ${settingsUrl(githubUrl, options.owner, data.slug)}`,
        `  install it:  ${data.html_url}/installations/new`,
        `Next: install it on your repositories, then run it (the server, Docker or the actions/app job): ${docsUrl("app.md")}`,
        ""
      ].join("\n")
    );
    setExit(0);
  });
}
export {
  registerApp
};
