import { useInfiniteQuery } from '@tanstack/react-query';
import type { VideoCardListResponse } from '../../../contract/generated/types.gen';
import { zSearchVideosResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { searchParamsOf, type SearchState } from '../searchParams';

/** One page of `GET /api/v1/search`; `cursor` is the previous page's `meta.nextCursor`. */
export async function searchVideos(
  state: SearchState,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<VideoCardListResponse> {
  const params = searchParamsOf(state);
  if (cursor) params.set('cursor', cursor);
  return apiRequest({ path: `/api/v1/search?${params.toString()}`, responseSchema: zSearchVideosResponse, signal });
}

export function searchQueryKey(state: SearchState) {
  return ['discovery', 'search', searchParamsOf(state).toString()] as const;
}

export function useSearchVideos(state: SearchState) {
  return useInfiniteQuery({
    queryKey: searchQueryKey(state),
    queryFn: ({ pageParam, signal }) => searchVideos(state, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
    enabled: state.q !== '',
  });
}
