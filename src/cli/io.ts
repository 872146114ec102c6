/** What a command may touch of the process: passed in so tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The wall clock, replaceable in tests. */
  now: () => Date;
  /**
   * Asks the person at the terminal one question (an empty answer keeps `fallback`);
   * absent when no terminal is attached, so commands fall back to flags and defaults.
   */
  ask?: (question: string, fallback: string) => Promise<string>;
}

async function askAtTerminal(question: string, fallback: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await terminal.question(fallback ? `${question} [${fallback}]: ` : `${question}: `);
    return answer.trim() || fallback;
  } finally {
    terminal.close();
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    ...(process.stdin.isTTY && process.stdout.isTTY ? { ask: askAtTerminal } : {}),
  };
}
