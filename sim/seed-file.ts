/**
 * Seeds a simulator from a JSON document (for the command line and sandboxes):
 *
 *   { "users": [{ "login": "alice" }],
 *     "repos": [{ "fullName": "acme/models", "files": { "README.md": "# models" }, "collaborators": { "alice": "write" } }],
 *     "apps": [{ "slug": "trainyard", "webhook": { "url": "http://127.0.0.1:3000/api/github/webhooks", "secret": "dev" },
 *                "installations": [{ "account": "acme" }] }] }
 *
 * Repository settings (`repoSettings`, `rulesets`, `runnerGroups`) take the arguments of
 * the seeding calls of the same names; a ruleset's `bypassAppSlugs` names Apps of the file.
 *
 * Returns what a client needs: user tokens, App ids and private keys, installation tokens.
 */
import type { Seed, SeedAppInput, SeedInstallationInput, SeedRepoInput, SeedUserInput } from './seed.ts';
import type { Simulator } from './simulator.ts';

export interface SeedFile {
  users?: SeedUserInput[];
  repos?: SeedRepoInput[];
  apps?: Array<SeedAppInput & { installations?: Array<Omit<SeedInstallationInput, 'appId'>> }>;
  environments?: Array<{ repo: string; name: string; protectionAppSlugs?: string[] }>;
  repoSettings?: Array<Parameters<Seed['repoSettings']>[0]>;
  rulesets?: Array<Omit<Parameters<Seed['ruleset']>[0], 'bypassActors'> & { bypassAppSlugs?: string[] }>;
  runnerGroups?: Array<Parameters<Seed['runnerGroup']>[0]>;
}

export interface SeedSummary {
  users: Array<{ login: string; token: string }>;
  repos: string[];
  apps: Array<{ id: number; slug: string; privateKey: string; installations: Array<{ id: number; account: string; token: string }> }>;
}

export function applySeedFile(sim: Simulator, file: SeedFile): SeedSummary {
  const users = (file.users ?? []).map((u) => {
    const { user, token } = sim.seed.user(u);
    return { login: user.login, token };
  });
  const repos = (file.repos ?? []).map((r) => sim.seed.repo(r).fullName);
  const apps = (file.apps ?? []).map(({ installations, ...input }) => {
    const app = sim.seed.app(input);
    return {
      id: app.id,
      slug: app.slug,
      privateKey: app.privateKey,
      installations: (installations ?? []).map((i) => {
        const installation = sim.seed.installation({ ...i, appId: app.id });
        return { id: installation.id, account: installation.account.login, token: sim.seed.installationToken({ installationId: installation.id }) };
      }),
    };
  });
  const appId = (slug: string, where: string): number => {
    const app = apps.find((a) => a.slug === slug);
    if (!app) throw new Error(`${where}: no App with slug ${slug} in the seed file`);
    return app.id;
  };
  for (const env of file.environments ?? []) {
    const protectionApps = (env.protectionAppSlugs ?? []).map((slug) => appId(slug, `environment ${env.name}`));
    sim.seed.environment({ repo: env.repo, name: env.name, protectionApps });
  }
  for (const settings of file.repoSettings ?? []) sim.seed.repoSettings(settings);
  for (const { bypassAppSlugs, ...ruleset } of file.rulesets ?? []) {
    const bypassActors = (bypassAppSlugs ?? []).map((slug) => ({ actorId: appId(slug, `ruleset ${ruleset.name ?? ruleset.target}`), actorType: 'Integration' as const, bypassMode: 'always' as const }));
    sim.seed.ruleset({ ...ruleset, bypassActors });
  }
  for (const group of file.runnerGroups ?? []) sim.seed.runnerGroup(group);
  return { users, repos, apps };
}
