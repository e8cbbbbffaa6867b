import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createQueryClient } from '../../app/queryClient';
import { limits } from '../../contract/generated/limits.gen';
import type { VideoDetail } from '../../contract/generated/types.gen';
import { RealtimeClient } from '../../lib/realtime/realtimeClient';
import { fakeApi, json } from '../../test/fakeApi';
import { fakeRealtime } from '../../test/fakeRealtime';
import { liveTranscodeReducer, initialLiveTranscode, transcodeView } from './transcodeStatus';
import { useTranscodeStatus } from './useTranscodeStatus';

const VIDEO = 'dQw4w9WgXcQ';
const PATH = `/api/v1/videos/${VIDEO}`;

function video(overrides: Partial<VideoDetail> = {}): VideoDetail {
  return {
    id: VIDEO,
    channelId: 'ch_00000000001',
    title: 'Sea',
    description: '',
    tags: [],
    categories: [],
    visibility: 'private',
    status: 'processing',
    resolutions: [],
    viewCount: 0,
    likeCount: 0,
    dislikeCount: 0,
    commentCount: 0,
    createdAt: '2026-11-25T15:00:00Z',
    channel: { id: 'ch_00000000001', handle: 'sea', name: 'Sea', subscriberCount: 0 },
    viewer: { likeState: 'none', isOwner: true },
    ...overrides,
  };
}

/** The server's answer to GET /videos/{id}; tests change it as the transcode moves on. */
let serverVideo: VideoDetail;

function videoReads(fetchMock: ReturnType<typeof fakeApi>): number {
  return fetchMock.mock.calls.filter(([input]) => input === PATH).length;
}

function renderStatus(client: RealtimeClient) {
  const fetchMock = fakeApi({ [`GET ${PATH}`]: () => json({ data: serverVideo }) });
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useTranscodeStatus(VIDEO, client), { wrapper });
  return { fetchMock, ...hook };
}

beforeEach(() => {
  serverVideo = video();
});

test('liveProgressShowsPerRenditionAndNeverGoesBackwards', () => {
  const realtime = fakeRealtime();
  const { result } = renderStatus(realtime.client);
  act(() => {
    realtime.latest().open();
  });
  expect(realtime.latest().sent).toEqual([{ action: 'subscribe', videoId: VIDEO }]);

  act(() => {
    realtime.latest().receive({ type: 'transcode.started', videoId: VIDEO });
    realtime.latest().receive({ type: 'transcode.progress', videoId: VIDEO, resolution: '720p', progress: 10 });
    realtime.latest().receive({ type: 'transcode.progress', videoId: VIDEO, resolution: '360p', progress: 80 });
    realtime.latest().receive({ type: 'transcode.progress', videoId: VIDEO, resolution: '360p', progress: 60 });
  });
  expect(result.current.live).toBe(true);
  expect(result.current.view).toEqual({
    phase: 'processing',
    started: true,
    renditions: [
      { resolution: '360p', progress: 80 },
      { resolution: '720p', progress: 10 },
    ],
  });
});

test('completedEventShowsReadyWithThePoster', () => {
  const realtime = fakeRealtime();
  const { result } = renderStatus(realtime.client);
  act(() => {
    realtime.latest().open();
    realtime.latest().receive({
      type: 'transcode.completed',
      videoId: VIDEO,
      resolutions: ['360p'],
      thumbnailUrl: `/media/${VIDEO}/poster-3q2-7wAAAQIDBAUGBwgJCg.jpg`,
      durationSeconds: 4,
    });
  });
  expect(result.current.view).toEqual({
    phase: 'ready',
    resolutions: ['360p'],
    thumbnailUrl: `/media/${VIDEO}/poster-3q2-7wAAAQIDBAUGBwgJCg.jpg`,
  });
});

test('everyReconnectReadsTheVideoSoAMissedCompletionStillShows', async () => {
  const realtime = fakeRealtime();
  const { result, fetchMock } = renderStatus(realtime.client);
  act(() => {
    realtime.latest().open();
  });
  await waitFor(() => {
    expect(videoReads(fetchMock)).toBeGreaterThanOrEqual(1);
  });
  const readsBeforeDrop = videoReads(fetchMock);

  // the completion happens while the socket is down: nobody hears transcode.completed
  act(() => {
    realtime.latest().drop();
  });
  expect(result.current.live).toBe(false);
  serverVideo = video({
    status: 'ready',
    resolutions: ['360p'],
    thumbnailUrl: `/media/${VIDEO}/poster-3q2-7wAAAQIDBAUGBwgJCg.jpg`,
  });
  act(() => {
    realtime.fire();
    realtime.latest().open();
  });

  await waitFor(() => {
    expect(result.current.view.phase).toBe('ready');
  });
  expect(videoReads(fetchMock)).toBeGreaterThan(readsBeforeDrop);
  expect(realtime.latest().sent).toEqual([{ action: 'subscribe', videoId: VIDEO }]);
});

test('failureReasonComesFromTheEventOrTheServer', () => {
  const realtime = fakeRealtime();
  const { result } = renderStatus(realtime.client);
  act(() => {
    realtime.latest().open();
    realtime.latest().receive({ type: 'transcode.failed', videoId: VIDEO, reason: 'Not a video we can read' });
  });
  expect(result.current.view).toEqual({ phase: 'failed', reason: 'Not a video we can read' });

  expect(transcodeView(initialLiveTranscode, video({ status: 'failed', failureReason: 'Too long' }))).toEqual({
    phase: 'failed',
    reason: 'Too long',
  });
});

test('withoutWebSocketsTheVideoIsPolledUntilItIsReady', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  try {
    const client = new RealtimeClient({ url: 'ws://kinora.test/ws', createSocket: undefined });
    const { result, fetchMock } = renderStatus(client);
    await waitFor(() => {
      expect(videoReads(fetchMock)).toBe(1);
    });
    expect(result.current.live).toBe(false);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(limits.realtime.pollIntervalSeconds * 1000);
    });
    expect(videoReads(fetchMock)).toBe(2);

    serverVideo = video({ status: 'ready', resolutions: ['360p'] });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(limits.realtime.pollIntervalSeconds * 1000);
    });
    expect(result.current.view.phase).toBe('ready');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3 * limits.realtime.pollIntervalSeconds * 1000);
    });
    expect(videoReads(fetchMock)).toBe(3);
  } finally {
    vi.useRealTimers();
  }
});

test('refusedSubscriptionFallsBackToPolling', () => {
  const refused = liveTranscodeReducer(initialLiveTranscode, {
    type: 'error',
    action: 'subscribe',
    videoId: VIDEO,
    error: { code: 'VIDEO_NOT_FOUND', message: 'You have no video with this id' },
  });
  expect(refused.refused).toBe(true);
});

test('leavingUnsubscribesAndClosesTheSocket', () => {
  const realtime = fakeRealtime();
  const { unmount } = renderStatus(realtime.client);
  act(() => {
    realtime.latest().open();
  });
  unmount();
  expect(realtime.latest().sent.at(-1)).toEqual({ action: 'unsubscribe', videoId: VIDEO });
  expect(realtime.latest().closedByClient).toBe(true);
});
