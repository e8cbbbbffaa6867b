import { useInfiniteQuery } from '@tanstack/react-query';
import type { VideoCardListResponse } from '../../../contract/generated/types.gen';

/**
 * The contract has no feed route yet, so there is nothing to ask the API and the feed is honestly empty. When
 * discovery adds its route, this fetcher calls it through `apiRequest` with the generated response schema; the page
 * already renders whatever pages this query returns.
 */
export function getHomeFeed(): Promise<VideoCardListResponse> {
  return Promise.resolve({ data: [], meta: {} });
}

export const homeFeedQueryKey = ['discovery', 'home-feed'] as const;

export function useHomeFeed() {
  return useInfiniteQuery({
    queryKey: homeFeedQueryKey,
    queryFn: getHomeFeed,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
