// @vitest-environment node
import { z } from 'zod';
import { toJsonPointer, toValidationIssues } from './issues';

test('zodPathsBecomeJsonPointers', () => {
  expect(toJsonPointer([])).toBe('');
  expect(toJsonPointer(['tags', 3])).toBe('/tags/3');
  expect(toJsonPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
});

test('unexpectedPropertiesAreReportedAtTheirOwnPath', () => {
  const result = z.strictObject({ title: z.string() }).safeParse({ title: 'ok', extra: 1, 'x/y': 2 });

  expect(result.success).toBe(false);
  expect(toValidationIssues(result.error?.issues ?? []).map((issue) => issue.path)).toEqual(['/extra', '/x~1y']);
});
