import type { ViewResult, WatchProgress } from '../../../contract/generated/types.gen';
import {
  zRecordViewBody,
  zRecordViewResponse,
  zSaveWatchProgressBody,
  zSaveWatchProgressResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

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
