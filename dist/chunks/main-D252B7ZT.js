#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);
import {
  buildProgram,
  main
<<<<<<<< HEAD:dist/chunks/main-D252B7ZT.js
<<<<<<<< HEAD:dist/chunks/main-D252B7ZT.js
} from "./chunk-DLZ6RGXX.js";
========
} from "./chunk-KRZMU5PX.js";
>>>>>>>> issue-19b:dist/chunks/main-UXADEQ6O.js
========
} from "./chunk-5FCV2JZD.js";
>>>>>>>> issue-16:dist/chunks/main-ALPFQLMB.js
import "./chunk-QQCKP4CN.js";
import "./chunk-GKCJ2QSX.js";
import "./chunk-5WCRJWUQ.js";
import "./chunk-M6HMHLEN.js";
export {
  buildProgram,
  main
};
