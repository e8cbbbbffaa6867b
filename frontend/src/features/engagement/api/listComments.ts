import { useInfiniteQuery } from '@tanstack/react-query';
import type { CommentListResponse, CommentSort } from '../../../contract/generated/types.gen';
import { zListCommentsResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function listComments(
  videoId: string,
  sort: CommentSort,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<CommentListResponse> {
  const query = new URLSearchParams({ sort });
  if (cursor) query.set('cursor', cursor);
  return apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}/comments?${query.toString()}`,
    responseSchema: zListCommentsResponse,
    signal,
  });
}

export const commentsQueryKey = (videoId: string, sort: CommentSort) =>
  ['engagement', 'comments', videoId, sort] as const;

/** A video's top-level comments, one page per "Load more". */
export function useComments(videoId: string, sort: CommentSort) {
  return useInfiniteQuery({
    queryKey: commentsQueryKey(videoId, sort),
    queryFn: ({ pageParam, signal }) => listComments(videoId, sort, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
