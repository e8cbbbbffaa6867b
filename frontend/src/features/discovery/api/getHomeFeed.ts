import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Video } from '../../../contract/generated/types.gen';

export interface HomeFeed {
  videos: Video[];
  nextCursor?: string;
}

/**
 * The contract has no feed route yet (it defines the platform routes only), so there is nothing to ask the API and
 * the feed is honestly empty. When discovery adds its list route, this fetcher calls it through `apiRequest` with the
 * generated response schema; the page already renders whatever this query returns.
 */
export function getHomeFeed(): Promise<HomeFeed> {
  return Promise.resolve({ videos: [] });
}

export const homeFeedQueryOptions = queryOptions({
  queryKey: ['discovery', 'home-feed'],
  queryFn: getHomeFeed,
});

export function useHomeFeed() {
  return useSuspenseQuery(homeFeedQueryOptions);
}
