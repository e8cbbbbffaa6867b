import { useMemo } from 'react';
import type { ViewResult, WatchProgress } from '../../../contract/generated/types.gen';
import {
  zRecordViewBody,
  zRecordViewResponse,
  zSaveWatchProgressBody,
  zSaveWatchProgressResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import type { PlaybackPorts } from '../player/playbackTracker';

/**
 * Saves where the viewer is. `keepalive` lets the request finish after the page is gone (pagehide): unlike
 * `sendBeacon` it can carry the `X-Requested-With: kinora` header the API requires on every PUT.
 */
export async function saveProgress(
  videoId: string,
  position: number,
  duration: number,
  keepalive = false,
): Promise<WatchProgress> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}/progress`,
    method: 'PUT',
    body: { position, duration },
    bodySchema: zSaveWatchProgressBody,
    responseSchema: zSaveWatchProgressResponse,
    keepalive,
    sessionOptional: true,
  });
  return envelope.data;
}

export async function recordView(videoId: string, watchedSeconds: number): Promise<ViewResult> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}/views`,
    method: 'POST',
    body: { watchedSeconds },
    bodySchema: zRecordViewBody,
    responseSchema: zRecordViewResponse,
  });
  return envelope.data;
}

/** What a player needs to save progress and count the view of `videoId` (the watch page and the embed page). */
export function usePlaybackPorts(videoId: string): PlaybackPorts {
  return useMemo<PlaybackPorts>(
    () => ({
      saveProgress: (position, duration, keepalive) => saveProgress(videoId, position, duration, keepalive),
      recordView: (watchedSeconds) => recordView(videoId, watchedSeconds),
    }),
    [videoId],
  );
}
