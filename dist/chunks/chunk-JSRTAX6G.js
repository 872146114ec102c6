#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/profile/types.ts
var PROFILE_FORMAT = "trainyard.profile";
var PROFILE_VERSION = 1;
var VALUE_CAP = 1e3;
var MAX_BINS = 64;
var DEFAULT_SAMPLE_SIZE = 1e4;

export {
  PROFILE_FORMAT,
  PROFILE_VERSION,
  VALUE_CAP,
  MAX_BINS,
  DEFAULT_SAMPLE_SIZE
};
