import { useInfiniteQuery } from '@tanstack/react-query';
import type { VideoCardListResponse } from '../../../contract/generated/types.gen';
import { zGetHomeFeedResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/**
 * One page of the home feed. Anonymous visitors get trending; a session personalises it (subscriptions first). The
 * server fixes the ranking on the first page, so the cursor continues exactly that list.
 */
export async function getHomeFeed(cursor: string | undefined, signal?: AbortSignal): Promise<VideoCardListResponse> {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return apiRequest({ path: `/api/v1/feed${suffix}`, responseSchema: zGetHomeFeedResponse, signal });
}

export const homeFeedQueryKey = ['discovery', 'home-feed'] as const;

export function useHomeFeed() {
  return useInfiniteQuery({
    queryKey: homeFeedQueryKey,
    queryFn: ({ pageParam, signal }) => getHomeFeed(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
