#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  Probot,
  app_default,
  createNodeMiddleware
} from "./chunks/chunk-XP5CYCZG.js";
import "./chunks/chunk-5YCZ7HH5.js";
import "./chunks/chunk-WGP73VIT.js";
import "./chunks/chunk-FXVCIBPG.js";
import "./chunks/chunk-RXXXXBIG.js";
import "./chunks/chunk-LSLOKUQC.js";
import "./chunks/chunk-BPR4QXFR.js";
import "./chunks/chunk-5VJPDGKX.js";
import "./chunks/chunk-OOJLEY5A.js";
import "./chunks/chunk-HB6HQUKP.js";
import "./chunks/chunk-PL3ZQNPW.js";
import "./chunks/chunk-FA4IZPLS.js";
import "./chunks/chunk-PWI6BAP3.js";
import "./chunks/chunk-5WCRJWUQ.js";
import "./chunks/chunk-M6HMHLEN.js";

// app/server.ts
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

// app/http.ts
function appRequestListener(middleware2) {
  return (req, res) => {
    if (req.method === "GET" && (req.url ?? "").split("?")[0] === "/ping") {
      res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
      return;
    }
    void middleware2(req, res, () => res.writeHead(404).end());
  };
}

// app/server.ts
function required(name) {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`trainyard app: ${name} is not set; see docs/app.md
`);
    process.exit(2);
  }
  return value;
}
function privateKey() {
  if (process.env.PRIVATE_KEY) return process.env.PRIVATE_KEY;
  const file = process.env.PRIVATE_KEY_PATH;
  if (!file) return required("PRIVATE_KEY");
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    process.stderr.write(`trainyard app: PRIVATE_KEY_PATH ${file}: cannot read it (${error.code ?? String(error)}); expected the App's PEM file
`);
    process.exit(2);
  }
}
var probot = new Probot({
  appId: required("APP_ID"),
  privateKey: privateKey(),
  secret: required("WEBHOOK_SECRET"),
  ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {},
  logLevel: process.env.LOG_LEVEL ?? "info"
});
var middleware = await createNodeMiddleware(app_default, { probot, webhooksPath: "/api/github/webhooks" });
var port = Number(process.env.PORT ?? 3e3);
var server = createServer(appRequestListener(middleware));
server.listen({ port, ...process.env.HOST ? { host: process.env.HOST } : {} }, () => {
  probot.log.info(`trainyard App listening on :${port}/api/github/webhooks`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
