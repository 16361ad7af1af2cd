import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../shared/errors';

/** `changes[2].forecastPence` from zod's path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function describe(issue: z.core.$ZodIssue): ErrorIssue {
  const field = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const where = field ? `${field}: ` : '';
    return {
      field: field || undefined,
      rule: 'no unknown fields',
      message: `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`,
    };
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const rule = missing ? 'is required' : issue.message;
  return { field: field || undefined, rule, message: field ? `${field} ${rule}` : rule };
}

/** Parses a call's input, or throws INVALID_INPUT listing every problem at once. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput: to tell a missing field from one of the wrong type.
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw AppError.invalid(result.error.issues.map(describe));
}
