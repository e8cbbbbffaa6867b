import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zDeleteCommentResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function deleteComment(commentId: string): Promise<void> {
  await apiRequest({
    path: `/api/v1/comments/${encodeURIComponent(commentId)}`,
    method: 'DELETE',
    responseSchema: zDeleteCommentResponse,
  });
}

/** Deletes a comment (with its replies) and refreshes the lists and the video's count. */
export function useDeleteComment(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteComment,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['engagement', 'comments', videoId] });
      await queryClient.invalidateQueries({ queryKey: ['engagement', 'replies'] });
      await queryClient.invalidateQueries({ queryKey: ['videos', 'video', videoId] });
    },
  });
}
