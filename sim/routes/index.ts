/** Every route the simulator serves; their operation ids define the generated API slice. */
import type { RateLimits } from '../rate-limit.ts';
import type { Route } from '../route.ts';
import { actionRoutes } from './actions.ts';
import { appRoutes } from './apps.ts';
import { checkRoutes } from './checks.ts';
import { contentRoutes } from './contents.ts';
import { deploymentRoutes } from './deployments.ts';
import { gitRoutes } from './git.ts';
import { issueRoutes } from './issues.ts';
import { pullRoutes } from './pulls.ts';
import { releaseRoutes } from './releases.ts';
import { repoRoutes } from './repos.ts';
import { settingRoutes } from './settings.ts';
import { userRoutes } from './users.ts';

export function allRoutes(rateLimits: RateLimits): Route[] {
  return [
    ...appRoutes,
    ...userRoutes(rateLimits),
    ...repoRoutes,
    ...gitRoutes,
    ...contentRoutes,
    ...pullRoutes,
    ...issueRoutes,
    ...checkRoutes,
    ...releaseRoutes,
    ...actionRoutes,
    ...deploymentRoutes,
    ...settingRoutes,
  ];
}
