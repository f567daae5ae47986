/** Plain paths as they come; anything unusual (escapes, dot segments) through the URL parser. */
const plainPath = /^\/[A-Za-z0-9_\-/]*(?:\.[A-Za-z0-9]+)?$/;

/** The request's path without its query string, normalised as `new URL` would. */
export function pathnameOf(requestUrl: string | undefined): string {
  const raw = requestUrl ?? '/';
  const query = raw.indexOf('?');
  const path = query === -1 ? raw : raw.slice(0, query);
  if (plainPath.test(path) && !path.includes('//')) return path;
  return new URL(raw, 'http://localhost').pathname;
}
