import type { z } from 'zod';
import { isApiError } from '../../lib/api/client';

/** What the user should fix, from the first zod issue of one field's generated schema. */
export function describeIssue(issue: z.core.$ZodIssue, formatHint: string): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? 'This field is required.'
        : `Use at least ${String(issue.minimum)} characters.`;
    case 'too_big':
      return `Use at most ${String(issue.maximum)} characters.`;
    case 'invalid_format':
      return formatHint;
    default:
      return issue.message;
  }
}

/** Checks one field against its generated schema; undefined when valid. */
export function validateField(schema: z.ZodType, value: string, formatHint: string): string | undefined {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue ? describeIssue(issue, formatHint) : undefined;
}

export interface ServerErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  form?: string;
}

/**
 * Where a failed request's error belongs: VALIDATION_ERROR issue paths (`/email`) and the `*_TAKEN` codes name a
 * field, everything else is a form-level message.
 */
export function toServerErrors<Field extends string>(
  error: unknown,
  fieldNames: readonly Field[],
  fieldByCode: Partial<Record<string, { field: Field; message: string }>> = {},
): ServerErrors<Field> {
  if (!isApiError(error)) return { fields: {}, form: 'Something went wrong. Please try again.' };
  const byCode = fieldByCode[error.code];
  if (byCode) return { fields: { [byCode.field]: byCode.message } as Partial<Record<Field, string>> };
  if (error.code === 'RATE_LIMITED') {
    const seconds = error.details?.retryAfterSeconds;
    return {
      fields: {},
      form:
        seconds === undefined
          ? 'Too many attempts. Please wait a moment and try again.'
          : `Too many attempts. Please try again in ${String(seconds)} second${seconds === 1 ? '' : 's'}.`,
    };
  }
  if (error.code === 'VALIDATION_ERROR') {
    const fields: Partial<Record<Field, string>> = {};
    const rest: string[] = [];
    for (const issue of error.issues) {
      const name = issue.path.split('/')[1];
      const field = fieldNames.find((candidate) => candidate === name);
      if (field && fields[field] === undefined) fields[field] = issue.message;
      else if (!field) rest.push(issue.message);
    }
    return { fields, ...(rest.length > 0 ? { form: rest.join(' ') } : {}) };
  }
  if (error.code === 'NETWORK_ERROR')
    return { fields: {}, form: 'The Kinora API could not be reached. Please try again.' };
  return { fields: {}, form: error.message };
}

/** Where to go after signing in: `?next=` (same-origin paths only), then router state `from`, else home. */
export function returnPath(search: URLSearchParams, state: unknown): string {
  const next = search.get('next');
  if (next && isLocalPath(next)) return next;
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && isLocalPath(from)) return from;
  }
  return '/';
}

function isLocalPath(path: string): boolean {
  return (
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !path.startsWith('/\\') &&
    !path.startsWith('/signin') &&
    !path.startsWith('/signup')
  );
}
