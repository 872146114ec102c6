/**
 * The slice of Octokit the runner code needs: `octokit.request` fits it, and tests pass a
 * double that records every call. Failures throw with a numeric `status`, as Octokit's
 * RequestError does.
 */
export type GitHubRequest = (route: string, params?: Record<string, unknown>) => Promise<{ status: number; data: unknown }>;
