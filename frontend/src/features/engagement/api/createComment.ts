import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type {
  Comment,
  CommentAuthor,
  CommentCreateRequest,
  CommentListResponse,
} from '../../../contract/generated/types.gen';
import { zCreateCommentBody, zCreateCommentResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { repliesQueryKey } from './listReplies';

export async function createComment(videoId: string, body: CommentCreateRequest): Promise<Comment> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}/comments`,
    method: 'POST',
    body,
    bodySchema: zCreateCommentBody,
    responseSchema: zCreateCommentResponse,
  });
  return envelope.data;
}

type Pages = InfiniteData<CommentListResponse, string | undefined>;

/** Marks a comment shown before the server accepted it. */
export const PENDING_PREFIX = 'pending-';

function prepend(pages: Pages | undefined, comment: Comment): Pages | undefined {
  if (!pages) return pages;
  const [first, ...rest] = pages.pages;
  if (!first) return pages;
  return { ...pages, pages: [{ ...first, data: [comment, ...first.data] }, ...rest] };
}

function append(pages: Pages | undefined, comment: Comment): Pages | undefined {
  if (!pages) return pages;
  const last = pages.pages.at(-1);
  if (!last) return pages;
  return { ...pages, pages: [...pages.pages.slice(0, -1), { ...last, data: [...last.data, comment] }] };
}

/**
 * Optimistic: the comment appears at once (newest first at the top, a reply at the end of its thread) under
 * a pending id; a failure removes it again and hands the error to the composer.
 */
export function useCreateComment(videoId: string, author: CommentAuthor) {
  const queryClient = useQueryClient();
  const listKey = (parentId: string | undefined) =>
    parentId ? repliesQueryKey(parentId) : ['engagement', 'comments', videoId, 'newest'];
  return useMutation({
    mutationFn: (body: CommentCreateRequest) => createComment(videoId, body),
    onMutate: async (body) => {
      const key = listKey(body.parentId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Pages>(key);
      const pending: Comment = {
        id: `${PENDING_PREFIX}${Date.now().toString(36)}`,
        videoId,
        author,
        text: body.text,
        ...(body.parentId ? { parentId: body.parentId } : {}),
        replyCount: 0,
        likeCount: 0,
        createdAt: new Date().toISOString(),
      };
      queryClient.setQueryData<Pages>(key, (pages) =>
        body.parentId ? append(pages, pending) : prepend(pages, pending),
      );
      return { key, previous };
    },
    onError: (_error, _body, context) => {
      if (context) queryClient.setQueryData<Pages>(context.key, context.previous);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['engagement', 'comments', videoId] });
      await queryClient.invalidateQueries({ queryKey: ['engagement', 'replies'] });
      await queryClient.invalidateQueries({ queryKey: ['videos', 'video', videoId] });
    },
  });
}
