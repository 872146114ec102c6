#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  DEFAULT_SAMPLE_SIZE,
  MAX_BINS,
  PROFILE_FORMAT,
  PROFILE_VERSION,
  VALUE_CAP
} from "./chunk-JSRTAX6G.js";
import "./chunk-M6HMHLEN.js";
export {
  DEFAULT_SAMPLE_SIZE,
  MAX_BINS,
  PROFILE_FORMAT,
  PROFILE_VERSION,
  VALUE_CAP
};
