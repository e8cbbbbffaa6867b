// @vitest-environment node
import { nextPlaybackRate, parseStartParam, startPosition, viewThresholdSeconds } from './resume';

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

test('aSharedLinksStartTimeReadsYouTubesForms', () => {
  expect(parseStartParam('90')).toBe(90);
  expect(parseStartParam('90s')).toBe(90);
  expect(parseStartParam('1m30s')).toBe(90);
  expect(parseStartParam('1h2m3s')).toBe(3723);
  expect(parseStartParam(' 2m ')).toBe(120);
});

test('aBrokenOrEmptyStartTimeIsIgnored', () => {
  for (const value of [null, '', '0', '-5', 'abc', '1.5', '90x', '1m-3s']) {
    expect(parseStartParam(value)).toBeUndefined();
  }
});

test('speedStepsThroughTheLadderAndStopsAtItsEnds', () => {
  expect(nextPlaybackRate(1, 1)).toBe(1.25);
  expect(nextPlaybackRate(1, -1)).toBe(0.75);
  expect(nextPlaybackRate(2, 1)).toBe(2);
  expect(nextPlaybackRate(0.25, -1)).toBe(0.25);
  // A rate set elsewhere (not on the ladder) moves to its neighbours.
  expect(nextPlaybackRate(1.1, 1)).toBe(1.5);
  expect(nextPlaybackRate(1.1, -1)).toBe(1);
});
