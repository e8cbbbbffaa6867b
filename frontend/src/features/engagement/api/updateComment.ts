import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../../../contract/generated/types.gen';
import { zUpdateCommentBody, zUpdateCommentResponse } from '../../../contract/generated/zod.gen';
import { limits } from '../../../contract/generated/limits.gen';
import { apiRequest } from '../../../lib/api/client';

const MS_PER_MINUTE = 60_000;

export async function updateComment(commentId: string, text: string): Promise<Comment> {
  const envelope = await apiRequest({
    path: `/api/v1/comments/${encodeURIComponent(commentId)}`,
    method: 'PATCH',
    body: { text },
    bodySchema: zUpdateCommentBody,
    responseSchema: zUpdateCommentResponse,
  });
  return envelope.data;
}

/** Whether the author may still edit (the server checks the same window and has the last word). */
export function withinEditWindow(comment: Comment, now: number): boolean {
  return now - Date.parse(comment.createdAt) <= limits.comment.editWindowMinutes * MS_PER_MINUTE;
}

/** Saves an edit and refreshes the lists that show the comment. */
export function useUpdateComment(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, text }: { commentId: string; text: string }) => updateComment(commentId, text),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['engagement', 'comments', videoId] });
      await queryClient.invalidateQueries({ queryKey: ['engagement', 'replies'] });
    },
  });
}
