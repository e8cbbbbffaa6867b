import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { VideoCardListResponse } from '../../../contract/generated/types.gen';
import { zGetTrendingResponse, zListTrendingCategoriesResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** One page of trending videos, overall (`category` undefined) or in one category. */
export async function getTrending(
  category: string | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<VideoCardListResponse> {
  const query = new URLSearchParams();
  if (category) query.set('category', category);
  if (cursor) query.set('cursor', cursor);
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return apiRequest({ path: `/api/v1/trending${suffix}`, responseSchema: zGetTrendingResponse, signal });
}

export const trendingQueryKey = (category: string | undefined) => ['discovery', 'trending', category ?? ''] as const;

export function useTrending(category: string | undefined) {
  return useInfiniteQuery({
    queryKey: trendingQueryKey(category),
    queryFn: ({ pageParam, signal }) => getTrending(category, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}

export async function listTrendingCategories(signal?: AbortSignal): Promise<string[]> {
  const envelope = await apiRequest({
    path: '/api/v1/trending/categories',
    responseSchema: zListTrendingCategoriesResponse,
    signal,
  });
  return envelope.data;
}

export const trendingCategoriesQueryKey = ['discovery', 'trending-categories'] as const;

/** The categories with a trending list (the chips), most trending first. */
export function useTrendingCategories() {
  return useQuery({
    queryKey: trendingCategoriesQueryKey,
    queryFn: ({ signal }) => listTrendingCategories(signal),
  });
}
