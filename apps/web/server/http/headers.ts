import type { IncomingHttpHeaders } from 'node:http';

/** Node's header object as Fetch `Headers`, for libraries that speak the Fetch API. */
export function toFetchHeaders(source: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}
