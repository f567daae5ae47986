const uniqueViolation = '23505';
const foreignKeyViolation = '23503';

/** PostgreSQL's SQLSTATE of a failed query, whether the driver or Drizzle wrapped it. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === uniqueViolation;
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === foreignKeyViolation;
