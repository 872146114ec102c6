#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  requestLog
} from "./chunk-JG6JLZV2.js";
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest
} from "./chunk-F24SZCLD.js";

// ../../main/node_modules/@octokit/rest/dist-src/version.js
var VERSION = "22.0.1";

// ../../main/node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION}`
  }
);

// src/cli/github-client.ts
var DEFAULT_API_URL = "https://api.github.com";
function octokitFor(io, token) {
  const quiet = () => {
  };
  const log = { debug: quiet, info: quiet, warn: (message) => io.stderr(`trainyard: GitHub: ${message}
`), error: quiet };
  return new Octokit2({ ...token ? { auth: token } : {}, baseUrl: io.env.GITHUB_API_URL || DEFAULT_API_URL, userAgent: "trainyard", log });
}

export {
  DEFAULT_API_URL,
  octokitFor
};
