/** Small helpers every route uses. */
import type { RouteRequest } from '../http.ts';
import { notFound, SimHttpError } from '../http-error.ts';
import type { RepoState } from '../state/repos.ts';

/** The repository of the request; 404 when it does not exist. */
export function repoOf(req: RouteRequest): RepoState {
  if (!req.repo) throw notFound();
  return req.repo;
}

/** The request body, already validated against the operation's schema. */
export function bodyOf<T>(req: RouteRequest): T {
  return (req.body ?? {}) as T;
}

export function intParam(req: RouteRequest, name: string): number {
  return req.params[name] as number;
}

export function strParam(req: RouteRequest, name: string): string {
  return req.params[name] as string;
}

/** Finds by id or answers 404. */
export function findOr404<T>(items: T[], predicate: (item: T) => boolean): T {
  const found = items.find(predicate);
  if (found === undefined) throw notFound();
  return found;
}

/**
 * One page of `items` (`per_page` up to 100, default 30; `page` from 1) and the `link`
 * header Octokit's paginate() follows.
 */
export function paginate<T>(req: RouteRequest, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, (req.params.per_page as number | undefined) ?? 30);
  const pageNo = (req.params.page as number | undefined) ?? 1;
  if (perPage < 1 || pageNo < 1) throw new SimHttpError(422, 'Invalid page or per_page');
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const link = (n: number, rel: string) => `<${req.sim.urls.api}${req.path}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
  const links: string[] = [];
  if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
  if (pageNo > 1) links.push(link(1, 'first'), link(pageNo - 1, 'prev'));
  return { page, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

