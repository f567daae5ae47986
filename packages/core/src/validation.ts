import type { z } from 'zod';
import { AppError } from './errors.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Flattens zod issues into `{ path, message }` pairs a client can show beside its fields. */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, or throws a `validation_failed` error listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const issues = describeIssues(result.error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'Invalid input';
  throw new AppError('validation_failed', summary, issues);
}

/** A `validation_failed` error about one field, for checks that need the database. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}
