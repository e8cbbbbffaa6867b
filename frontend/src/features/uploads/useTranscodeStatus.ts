import { useQuery } from '@tanstack/react-query';
import { useEffect, useReducer, useSyncExternalStore } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import { realtimeClient, type ConnectionState, type RealtimeClient } from '../../lib/realtime/realtimeClient';
import { getVideoStatus, videoStatusQueryKey } from './api/getVideoStatus';
import {
  initialLiveTranscode,
  isTerminal,
  liveTranscodeReducer,
  transcodeView,
  type TranscodeView,
} from './transcodeStatus';

const POLL_INTERVAL_MS = limits.realtime.pollIntervalSeconds * 1000;

export interface TranscodeStatus {
  view: TranscodeView;
  /** True while the socket is open and the server accepted the subscription: no polling needed. */
  live: boolean;
}

/**
 * A published video's transcode, live (DESIGN §5 Realtime): subscribes over the app's WebSocket, re-reads the video
 * over HTTP on every (re)connect so a terminal event missed while disconnected never leaves the card stuck, and polls
 * every `realtime.pollIntervalSeconds` while the socket is not open (no WebSockets, or between reconnects).
 */
export function useTranscodeStatus(videoId: string, client: RealtimeClient = realtimeClient()): TranscodeStatus {
  const [live, dispatch] = useReducer(liveTranscodeReducer, initialLiveTranscode);
  const connection = useSyncExternalStore<ConnectionState>(
    (onChange) => client.onStateChange(onChange),
    () => client.getState(),
  );
  const listening = connection === 'open' && !live.refused;

  const video = useQuery({
    queryKey: videoStatusQueryKey(videoId),
    queryFn: ({ signal }) => getVideoStatus(videoId, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      const done = status === 'ready' || status === 'failed' || status === 'blocked';
      return done || listening ? false : POLL_INTERVAL_MS;
    },
  });
  const { refetch } = video;

  // Every (re)connect: read the video, so whatever happened while the socket was down shows.
  useEffect(
    () =>
      client.onStateChange((state) => {
        if (state === 'open') void refetch();
      }),
    [client, refetch],
  );
  useEffect(() => client.subscribe(videoId, dispatch), [client, videoId]);

  const view = transcodeView(live, video.data);
  // A terminal event from the socket: let the cached video catch up (the card's links use it).
  const terminal = isTerminal(view);
  useEffect(() => {
    if (terminal && video.data?.status === 'processing') void refetch();
  }, [terminal, video.data?.status, refetch]);

  return { view, live: listening };
}
