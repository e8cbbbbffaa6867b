// @vitest-environment node
import { PlaybackTracker, type PlaybackPorts, type Position } from './playbackTracker';

function setUp(signedIn = true, duration = 600) {
  const state: Position = { position: 0, duration };
  const saves: { position: number; keepalive: boolean }[] = [];
  const views: number[] = [];
  const ports: PlaybackPorts = {
    saveProgress: (position, _duration, keepalive) => {
      saves.push({ position, keepalive });
      return Promise.resolve();
    },
    recordView: (watched) => {
      views.push(watched);
      return Promise.resolve();
    },
  };
  const tracker = new PlaybackTracker(ports, () => state, signedIn, {
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => {
      clearInterval(handle as ReturnType<typeof setInterval>);
    },
  });
  tracker.onTimeUpdate(true); // the first update, at the start position
  /** Plays `seconds` in steps of 0.25 s like the browser's timeupdate events. */
  const play = (seconds: number) => {
    for (let i = 0; i < seconds * 4; i++) {
      state.position += 0.25;
      tracker.onTimeUpdate(true);
    }
  };
  return { state, saves, views, tracker, play };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('progressIsSavedEveryThirtySecondsWhilePlaying', () => {
  const { state, saves, tracker } = setUp();
  tracker.onPlay();
  state.position = 12;
  vi.advanceTimersByTime(29_000);
  expect(saves).toEqual([]);
  vi.advanceTimersByTime(1_000);
  expect(saves).toEqual([{ position: 12, keepalive: false }]);
  state.position = 42;
  vi.advanceTimersByTime(30_000);
  expect(saves.map((save) => save.position)).toEqual([12, 42]);
});

test('pausingSavesAtOnceAndStopsTheTimer', () => {
  const { state, saves, tracker } = setUp();
  tracker.onPlay();
  state.position = 7;
  tracker.onPause();
  expect(saves).toEqual([{ position: 7, keepalive: false }]);
  vi.advanceTimersByTime(120_000);
  expect(saves).toHaveLength(1);
});

test('hidingOrLeavingThePageSavesWithKeepalive', () => {
  const { state, saves, tracker } = setUp();
  state.position = 9;
  tracker.onHidden();
  state.position = 11;
  tracker.dispose();
  expect(saves).toEqual([
    { position: 9, keepalive: true },
    { position: 11, keepalive: true },
  ]);
});

test('anonymousViewersSaveNoProgress', () => {
  const { state, saves, tracker } = setUp(false);
  state.position = 9;
  tracker.onPause();
  tracker.onHidden();
  expect(saves).toEqual([]);
});

test('aViewIsRecordedOnceAfterThirtySecondsPlayedWithTheProgressSavedFirst', async () => {
  const { saves, views, play } = setUp();
  play(29);
  await vi.runAllTimersAsync();
  expect(views).toEqual([]);
  play(2);
  await vi.runAllTimersAsync();
  expect(views).toEqual([30]);
  expect(saves.at(-1)?.position).toBe(30);
  expect(saves.at(-1)?.keepalive).toBe(false);
  play(60);
  await vi.runAllTimersAsync();
  expect(views).toHaveLength(1);
});

test('seekingAheadIsNotWatching', async () => {
  const { state, tracker, views, play } = setUp();
  play(5);
  state.position = 400; // a seek: one jump far beyond a time update's step
  tracker.onTimeUpdate(true);
  await vi.runAllTimersAsync();
  expect(views).toEqual([]);
  expect(tracker.playedSeconds).toBe(5);
});

test('halfOfAShortVideoIsAView', async () => {
  const { views, play } = setUp(false, 20);
  play(10);
  await vi.runAllTimersAsync();
  expect(views).toEqual([10]);
});
