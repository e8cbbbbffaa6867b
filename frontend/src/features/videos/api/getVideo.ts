import { queryOptions, useQuery } from '@tanstack/react-query';
import type { VideoDetail } from '../../../contract/generated/types.gen';
import { zGetVideoResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** While a video is being processed its page looks again this often (live transcode events come later). */
const PROCESSING_POLL_INTERVAL_MS = 10_000;

export function videoQueryKey(videoId: string) {
  return ['videos', 'video', videoId] as const;
}

export async function getVideo(videoId: string, signal?: AbortSignal): Promise<VideoDetail> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}`,
    responseSchema: zGetVideoResponse,
    signal,
  });
  return envelope.data;
}

export function videoQueryOptions(videoId: string) {
  return queryOptions({
    queryKey: videoQueryKey(videoId),
    queryFn: ({ signal }) => getVideo(videoId, signal),
    // The resume position is read once per page view; refetching on focus would jump the player.
    refetchOnWindowFocus: false,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'processing' || status === 'uploading' ? PROCESSING_POLL_INTERVAL_MS : false;
    },
  });
}

export function useVideo(videoId: string, enabled: boolean) {
  return useQuery({ ...videoQueryOptions(videoId), enabled });
}
