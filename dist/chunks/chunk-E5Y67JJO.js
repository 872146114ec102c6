#!/usr/bin/env node
import { createRequire as __trainyardCreateRequire } from 'node:module';
const require = __trainyardCreateRequire(import.meta.url);

// src/cli/io.ts
async function askAtTerminal(question, fallback) {
  const { createInterface } = await import("node:readline/promises");
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await terminal.question(fallback ? `${question} [${fallback}]: ` : `${question}: `);
    return answer.trim() || fallback;
  } finally {
    terminal.close();
  }
}
function processIo() {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => /* @__PURE__ */ new Date(),
    ...process.stdin.isTTY && process.stdout.isTTY ? { ask: askAtTerminal } : {}
  };
}

export {
  processIo
};
