import packageJson from '../package.json' with { type: 'json' };

/** trainyard's own version, from package.json (inlined into the bundle). */
export const VERSION: string = packageJson.version;
