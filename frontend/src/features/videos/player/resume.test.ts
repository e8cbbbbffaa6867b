// @vitest-environment node
import { startPosition, viewThresholdSeconds } from './resume';

test('playbackResumesWhereTheViewerLeftOff', () => {
  expect(startPosition(61.5, 600)).toBe(61.5);
});

test('withoutASavedPositionPlaybackStartsAtTheBeginning', () => {
  expect(startPosition(undefined, 600)).toBe(0);
  expect(startPosition(0, 600)).toBe(0);
});

test('aViewerWhoFinishedStartsOver', () => {
  // 600 s: the last 10 s (shorter than 5 %, 30 s)
  expect(startPosition(591, 600)).toBe(0);
  expect(startPosition(585, 600)).toBe(585);
  // 16 s: the last 5 % (0.8 s, shorter than 10 s), so half-way still resumes
  expect(startPosition(15.5, 16)).toBe(0);
  expect(startPosition(8, 16)).toBe(8);
});

test('anUnknownDurationStillResumes', () => {
  expect(startPosition(42, undefined)).toBe(42);
});

test('aViewNeedsThirtySecondsOrHalfOfAShorterVideo', () => {
  expect(viewThresholdSeconds(600)).toBe(30);
  expect(viewThresholdSeconds(20)).toBe(10);
  expect(viewThresholdSeconds(undefined)).toBe(30);
});
