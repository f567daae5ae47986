const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nul = String.fromCharCode(0);
export const unstorableMessage = 'must not contain NUL characters or unpaired surrogates';

/**
 * Whether PostgreSQL can store this text, in a text column or in jsonb: it refuses NUL and
 * unpaired UTF-16 surrogates, which JSON can carry. Such text is refused at validation, with a
 * 400, rather than failing the insert — or, for heartbeats, the whole batch written with it.
 */
export function storable(text: string): boolean {
  return !text.includes(nul) && !unpairedSurrogate.test(text);
}

/** `storable` for every string and key in a parsed JSON value. */
export function storableJson(value: unknown): boolean {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.every(storableJson);
  if (value && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => storable(key) && storableJson(item));
  }
  return true;
}
