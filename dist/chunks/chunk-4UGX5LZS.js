#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  championOf
} from "./chunk-TWUAGNDN.js";

// src/run/champion.ts
import { readdir } from "node:fs/promises";
import path from "node:path";
async function fetchChampion(input) {
  if (!championOf(await input.registry.history(input.model, input.environment), input.environment)) return null;
  const version = await input.registry.version(input.model, { environment: input.environment });
  const downloaded = await input.registry.download(input.model, version.version, input.dir);
  const predictions = (await readdir(downloaded.dir)).find((file) => file.startsWith("predictions."));
  return {
    version: version.version,
    tag: version.tag,
    metricsFile: path.join(downloaded.dir, "metrics.json"),
    predictionsFile: predictions ? path.join(downloaded.dir, predictions) : null,
    dir: downloaded.dir,
    commit: version.card.commit
  };
}

export {
  fetchChampion
};
