// @vitest-environment node
import { formatAge, formatClock } from './time';

test('clocksShowHoursOnlyWhenThereAreAny', () => {
  expect(formatClock(0)).toBe('0:00');
  expect(formatClock(65.9)).toBe('1:05');
  expect(formatClock(3725)).toBe('1:02:05');
});

test('agesUseTheLargestWholeUnit', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  expect(formatAge('2026-12-01T11:59:30Z', now)).toBe('just now');
  expect(formatAge('2026-12-01T11:00:00Z', now)).toBe('1 hour ago');
  expect(formatAge('2026-11-28T12:00:00Z', now)).toBe('3 days ago');
  expect(formatAge('2026-11-30T12:00:00Z', now)).toBe('yesterday');
  expect(formatAge('2025-11-01T12:00:00Z', now)).toBe('last year');
});
