/** The origin the test servers are configured with (APP_URL). */
export const appUrl = 'http://chamados.test';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestOptions {
  method?: string;
  token?: string;
  cookie?: string;
  /** Serialised as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One HTTP request to the server under test, answered with its parsed JSON body. */
export async function call(baseUrl: string, path: string, options: RequestOptions = {}) {
  const headers: Record<string, string> = { origin: appUrl, ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;

  let body: string | undefined = options.raw;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';

  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed } as ApiResponse;
}

/** Signs in with email and password; returns the bearer token and the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string, origin = appUrl) {
  const response = await call(baseUrl, '/api/auth/sign-in/email', {
    json: { email, password },
    headers: { origin },
  });
  if (response.status !== 200) {
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const token = response.headers.get('set-auth-token');
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0])
    .join('; ');
  if (!token) throw new Error('sign-in returned no bearer token');
  return { token, cookie };
}
