import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zDeleteVideoResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { videoQueryKey } from './getVideo';

export async function deleteVideo(videoId: string): Promise<void> {
  await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}`,
    method: 'DELETE',
    responseSchema: zDeleteVideoResponse,
  });
}

export function useDeleteVideo(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteVideo(videoId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: videoQueryKey(videoId) });
    },
  });
}
