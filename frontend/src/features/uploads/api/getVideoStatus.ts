import type { Video } from '../../../contract/generated/types.gen';
import { zGetVideoResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** The server's view of a just-published video (`GET /api/v1/videos/{id}`): the truth the live status falls back on. */
export async function getVideoStatus(videoId: string, signal?: AbortSignal): Promise<Video> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}`,
    responseSchema: zGetVideoResponse,
    signal,
  });
  return envelope.data;
}

export const videoStatusQueryKey = (videoId: string) => ['uploads', 'video-status', videoId] as const;
