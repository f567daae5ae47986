/** What a browser call to our API comes back as: data, our error body, or no answer at all. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      fields: Record<string, string>;
      retryAfter?: number;
    }
  | { ok: false; status: 0; code: 'network'; message: string; fields: Record<string, string> };

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { path?: string; message?: string }[] };
}

/** Sends JSON to one of our endpoints and reads the answer in the common error shape. */
export async function sendJson<T>(
  path: string,
  body: unknown,
  method: 'POST' | 'PATCH' | 'PUT' = 'POST',
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    return { ok: false, status: 0, code: 'network', message: String(error), fields: {} };
  }

  const parsed: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: parsed as T };

  const error = (parsed as ErrorBody | null)?.error;
  const fields: Record<string, string> = {};
  for (const detail of error?.details ?? []) {
    if (detail.path && detail.message && !fields[detail.path]) fields[detail.path] = detail.message;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? 'unknown',
    message: error?.message ?? response.statusText,
    fields,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}
