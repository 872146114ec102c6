#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/report/mermaid.ts
function quote(text, limit = 60) {
  return `"${text.replace(/["\\`]/g, "'").replace(/</g, "\u2039").replace(/>/g, "\u203A").replace(/@/g, "@\u200B").replace(/[\r\n]+/g, " ").slice(0, limit)}"`;
}
function axisNumber(value) {
  return Number(value.toPrecision(4)).toString();
}
function lineChart(input) {
  return linesOver({ title: input.title, axis: input.axis, labels: input.points.map((point) => quote(point.label)), lines: [input.points.map((point) => point.value)] });
}
function referenceVsCurrentChart(title, labels, reference, current) {
  const top = Math.max(...reference, ...current, 1e-4);
  const round = (value) => Number(value.toFixed(4));
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(title)}`,
    `  x-axis [${labels.map((label) => quote(label, 24)).join(", ")}]`,
    `  y-axis "share of rows" 0 --> ${round(top * 1.1)}`,
    `  bar [${reference.map(round).join(", ")}]`,
    `  line [${current.map(round).join(", ")}]`,
    "```"
  ].join("\n");
}
function multiLineChart(input) {
  return linesOver({ title: input.title, axis: input.axis, labels: input.labels.map((label) => quote(label, 24)), lines: input.lines });
}
function linesOver(input) {
  const values = input.lines.flat();
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(Math.abs(high) * 0.05, 0.01) : (high - low) * 0.1;
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(input.title)}`,
    `  x-axis [${input.labels.join(", ")}]`,
    `  y-axis ${quote(input.axis)} ${axisNumber(low - pad)} --> ${axisNumber(high + pad)}`,
    ...input.lines.map((line) => `  line [${line.map(axisNumber).join(", ")}]`),
    "```"
  ].join("\n");
}

export {
  lineChart,
  referenceVsCurrentChart,
  multiLineChart
};
