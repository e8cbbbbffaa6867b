import type { z } from 'zod';
import type { ValidationIssue } from '../../contract/generated/types.gen';

function escapeSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** RFC 6901 JSON Pointer of a zod path: `['tags', 3]` → `/tags/3`, `[]` → `""` (the root). */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapeSegment(segment)}`).join('');
}

/**
 * Zod issues as the contract's ValidationIssues. Like the Java validator, an unexpected property is reported at the
 * path of that property (zod reports it once at the parent object, naming the keys).
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = toJsonPointer(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: `${path}/${escapeSegment(key)}`, message: 'Unexpected property' }));
    }
    return [{ path, message: issue.message }];
  });
}
