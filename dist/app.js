#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  Probot,
  createApp,
  createAppMetrics,
  createNodeMiddleware
} from "./chunks/chunk-ONYMNGIB.js";
import "./chunks/chunk-I37JP6W6.js";
import "./chunks/chunk-SBBBSOBA.js";
import "./chunks/chunk-OJG5DVQT.js";
import "./chunks/chunk-DK7P7IHZ.js";
import "./chunks/chunk-NXFQYBKR.js";
import "./chunks/chunk-KRE5CPIC.js";
import "./chunks/chunk-444XO5IC.js";
import "./chunks/chunk-W3QHEJVT.js";
import "./chunks/chunk-YICYZTQY.js";
import "./chunks/chunk-HWFKGCS3.js";
import "./chunks/chunk-OSUZFFL4.js";
import "./chunks/chunk-4IU3ESKG.js";
import "./chunks/chunk-DPFEQ3BD.js";
import "./chunks/chunk-FNE57ZFB.js";
import "./chunks/chunk-W2DRLS5N.js";
import "./chunks/chunk-HB6HQUKP.js";
import "./chunks/chunk-QDZFQRV4.js";
import "./chunks/chunk-PWI6BAP3.js";
import "./chunks/chunk-FA4IZPLS.js";
import "./chunks/chunk-BEL2JVQX.js";
import "./chunks/chunk-M6HMHLEN.js";

// app/server.ts
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

// app/http.ts
function appRequestListener(middleware2, metrics2) {
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/ping") {
      res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
      return;
    }
    if (req.method === "GET" && path === "/metrics" && metrics2) {
      metrics2.metrics().then(
        (text) => res.writeHead(200, { "content-type": metrics2.contentType }).end(text),
        (error) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}
`)
      );
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
var metrics = createAppMetrics();
var middleware = await createNodeMiddleware(createApp({ metrics }), { probot, webhooksPath: "/api/github/webhooks" });
var port = Number(process.env.PORT ?? 3e3);
var server = createServer(appRequestListener(middleware, metrics.registry));
server.listen({ port, ...process.env.HOST ? { host: process.env.HOST } : {} }, () => {
  probot.log.info(`trainyard App listening on :${port}/api/github/webhooks`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
