/**
 * Seeds a simulator from a JSON document (for the command line and sandboxes):
 *
 *   { "users": [{ "login": "alice" }],
 *     "repos": [{ "fullName": "acme/models", "files": { "README.md": "# models" }, "collaborators": { "alice": "write" } }],
 *     "apps": [{ "slug": "trainyard", "webhook": { "url": "http://127.0.0.1:3000/api/github/webhooks", "secret": "dev" },
 *                "installations": [{ "account": "acme" }] }] }
 *
 * Returns what a client needs: user tokens, App ids and private keys, installation tokens.
 */
import type { SeedAppInput, SeedInstallationInput, SeedRepoInput, SeedUserInput } from './seed.ts';
import type { Simulator } from './simulator.ts';

export interface SeedFile {
  users?: SeedUserInput[];
  repos?: SeedRepoInput[];
  apps?: Array<SeedAppInput & { installations?: Array<Omit<SeedInstallationInput, 'appId'>> }>;
  environments?: Array<{ repo: string; name: string; protectionAppSlugs?: string[] }>;
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
  for (const env of file.environments ?? []) {
    const protectionApps = (env.protectionAppSlugs ?? []).map((slug) => {
      const app = apps.find((a) => a.slug === slug);
      if (!app) throw new Error(`environment ${env.name}: no App with slug ${slug} in the seed file`);
      return app.id;
    });
    sim.seed.environment({ repo: env.repo, name: env.name, protectionApps });
  }
  return { users, repos, apps };
}
