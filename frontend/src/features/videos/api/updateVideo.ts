import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Video, VideoUpdateRequest } from '../../../contract/generated/types.gen';
import { zUpdateVideoBody, zUpdateVideoResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { videoQueryKey } from './getVideo';

export async function updateVideo(videoId: string, body: VideoUpdateRequest): Promise<Video> {
  const envelope = await apiRequest({
    path: `/api/v1/videos/${encodeURIComponent(videoId)}`,
    method: 'PATCH',
    body,
    bodySchema: zUpdateVideoBody,
    responseSchema: zUpdateVideoResponse,
  });
  return envelope.data;
}

export function useUpdateVideo(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VideoUpdateRequest) => updateVideo(videoId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: videoQueryKey(videoId) }),
  });
}
