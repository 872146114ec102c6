/** `release.published`: a model version was registered (src/app/registered-version.ts). */
import type { Context } from 'probot';
import type { AppDeps } from '../../src/app/deps.ts';
import { noteRegisteredVersion, versionCardOf } from '../../src/app/registered-version.ts';
import { loadConfig, repoOf } from '../context.ts';

export function releasePublished(deps: AppDeps) {
  return async (context: Context<'release.published'>): Promise<void> => {
    const { release } = context.payload;
    const published = { id: release.id, tagName: release.tag_name, body: release.body ?? '', htmlUrl: release.html_url };
    if (!versionCardOf(published)) return context.log.debug(`release.published ignored: ${release.tag_name} carries no model card of its own tag`);
    const loaded = await loadConfig(context);
    const ignored = await noteRegisteredVersion(repoOf(context), loaded.config, published, deps);
    if (ignored) context.log.debug(`release.published ignored: ${ignored}`);
  };
}
