import { useInfiniteQuery } from '@tanstack/react-query';
import type { ChannelVideoSort, VideoCardListResponse } from '../../../contract/generated/types.gen';
import { zListChannelVideosResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** One page of a channel's videos, newest first (`latest`) or most viewed first (`popular`). */
export async function listChannelVideos(
  idOrHandle: string,
  sort: ChannelVideoSort,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<VideoCardListResponse> {
  const query = new URLSearchParams({ sort });
  if (cursor) query.set('cursor', cursor);
  return apiRequest({
    path: `/api/v1/channels/${encodeURIComponent(idOrHandle)}/videos?${query.toString()}`,
    responseSchema: zListChannelVideosResponse,
    signal,
  });
}

export const channelVideosQueryKey = (idOrHandle: string, sort: ChannelVideoSort) =>
  ['discovery', 'channel-videos', idOrHandle, sort] as const;

export function useChannelVideos(idOrHandle: string, sort: ChannelVideoSort) {
  return useInfiniteQuery({
    queryKey: channelVideosQueryKey(idOrHandle, sort),
    queryFn: ({ pageParam, signal }) => listChannelVideos(idOrHandle, sort, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
