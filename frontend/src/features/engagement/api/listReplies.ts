import { useInfiniteQuery } from '@tanstack/react-query';
import type { CommentListResponse } from '../../../contract/generated/types.gen';
import { zListRepliesResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function listReplies(
  commentId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CommentListResponse> {
  const query = cursor ? `?${new URLSearchParams({ cursor }).toString()}` : '';
  return apiRequest({
    path: `/api/v1/comments/${encodeURIComponent(commentId)}/replies${query}`,
    responseSchema: zListRepliesResponse,
    signal,
  });
}

export const repliesQueryKey = (commentId: string) => ['engagement', 'replies', commentId] as const;

/** A comment's replies, oldest first, fetched once the thread is opened. */
export function useReplies(commentId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: repliesQueryKey(commentId),
    queryFn: ({ pageParam, signal }) => listReplies(commentId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
    enabled,
  });
}
