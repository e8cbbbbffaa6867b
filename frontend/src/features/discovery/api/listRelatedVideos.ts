import { useInfiniteQuery } from '@tanstack/react-query';
import type { VideoCardListResponse } from '../../../contract/generated/types.gen';
import { zListRelatedVideosResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** Videos to watch next: one page, best first. */
export async function listRelatedVideos(videoId: string, signal?: AbortSignal): Promise<VideoCardListResponse> {
  return apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}/related`,
    responseSchema: zListRelatedVideosResponse,
    signal,
  });
}

export const relatedVideosQueryKey = (videoId: string) => ['discovery', 'related', videoId] as const;

/** An infinite query with a single page, so the shared VideoGrid renders it like every other listing. */
export function useRelatedVideos(videoId: string) {
  return useInfiniteQuery({
    queryKey: relatedVideosQueryKey(videoId),
    queryFn: ({ signal }) => listRelatedVideos(videoId, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
