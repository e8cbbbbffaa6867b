import { useInfiniteQuery } from '@tanstack/react-query';
import type { SubscribedChannelListResponse, VideoCardListResponse } from '../../../contract/generated/types.gen';
import { zListSubscriptionVideosResponse, zListSubscriptionsResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

function withCursor(path: string, cursor: string | undefined): string {
  return cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
}

export async function listSubscriptions(
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<SubscribedChannelListResponse> {
  return apiRequest({
    path: withCursor('/api/v1/me/subscriptions', cursor),
    responseSchema: zListSubscriptionsResponse,
    signal,
  });
}

export async function listSubscriptionVideos(
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<VideoCardListResponse> {
  return apiRequest({
    path: withCursor('/api/v1/me/subscriptions/videos', cursor),
    responseSchema: zListSubscriptionVideosResponse,
    signal,
  });
}

/** The channels the caller subscribes to. */
export function useMySubscriptions() {
  return useInfiniteQuery({
    queryKey: ['engagement', 'my-subscriptions'],
    queryFn: ({ pageParam, signal }) => listSubscriptions(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}

/** The latest public uploads of those channels, newest first (rendered by the shared VideoGrid). */
export function useSubscriptionVideos() {
  return useInfiniteQuery({
    queryKey: ['engagement', 'subscription-videos'],
    queryFn: ({ pageParam, signal }) => listSubscriptionVideos(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
