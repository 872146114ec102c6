#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  profileData
} from "./chunk-AKP4DXDO.js";
import "./chunk-34SE6PPS.js";
import "./chunk-FNE57ZFB.js";
import "./chunk-JSRTAX6G.js";
import "./chunk-BEL2JVQX.js";
import "./chunk-M6HMHLEN.js";
export {
  profileData
};
