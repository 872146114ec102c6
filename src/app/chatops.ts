/** `/trainyard …` commands in comments, parsed; anything else is not a command. */
export type ChatCommand =
  | { kind: 'retrain'; model: string | null; reason: string }
  | { kind: 'compare'; model: string | null; version: number }
  | { kind: 'invalid'; message: string };

/** The first line starting with `/trainyard`, or null when the comment has none. */
export function parseCommand(body: string, models: string[]): ChatCommand | null {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find((l) => /^\/trainyard(\s|$)/.test(l));
  if (!line) return null;
  const words = line.split(/\s+/).slice(1);
  const verb = words.shift();
  const model = words[0] && models.includes(words[0]) ? words.shift()! : null;
  if (verb === 'retrain') return { kind: 'retrain', model, reason: words.join(' ').slice(0, 200) || 'requested in a comment' };
  if (verb === 'compare') {
    const match = /^v?(\d{1,9})$/.exec(words[0] ?? '');
    if (!match || Number(match[1]) < 1) return { kind: 'invalid', message: 'usage: `/trainyard compare [model] <version>`, for example `/trainyard compare v3`' };
    return { kind: 'compare', model, version: Number(match[1]) };
  }
  return { kind: 'invalid', message: 'unknown command; use `/trainyard retrain [reason]` or `/trainyard compare <version>`' };
}

/** The model a command means: named, or the only one; null when ambiguous. */
export function commandModel(named: string | null, models: string[], branch: string | null): string | null {
  if (named) return named;
  const fromBranch = branch?.startsWith('trainyard/retrain/') ? branch.slice('trainyard/retrain/'.length) : null;
  if (fromBranch && models.includes(fromBranch)) return fromBranch;
  return models.length === 1 ? models[0]! : null;
}
