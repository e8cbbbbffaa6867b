// @vitest-environment node
import { startPosition, viewThresholdSeconds } from './resume';

test('playbackResumesWhereTheViewerLeftOff', () => {
  expect(startPosition(61.5, 600)).toBe(61.5);
});

test('withoutASavedPositionPlaybackStartsAtTheBeginning', () => {
  expect(startPosition(undefined, 600)).toBe(0);
  expect(startPosition(0, 600)).toBe(0);
});

test('aViewerWhoNearlyFinishedStartsOver', () => {
  // 600 s: the last 5 % (30 s) is longer than 10 s
  expect(startPosition(575, 600)).toBe(0);
  expect(startPosition(565, 600)).toBe(565);
  // 60 s: 10 s is longer than 5 % (3 s)
  expect(startPosition(51, 60)).toBe(0);
  expect(startPosition(49, 60)).toBe(49);
});

test('anUnknownDurationStillResumes', () => {
  expect(startPosition(42, undefined)).toBe(42);
});

test('aViewNeedsThirtySecondsOrHalfOfAShorterVideo', () => {
  expect(viewThresholdSeconds(600)).toBe(30);
  expect(viewThresholdSeconds(20)).toBe(10);
  expect(viewThresholdSeconds(undefined)).toBe(30);
});
