import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelUpdateRequest } from '../../../contract/generated/types.gen';
import { zUpdateMyChannelBody, zUpdateMyChannelResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { meQueryKey } from './getMe';

export async function updateMyChannel(body: ChannelUpdateRequest): Promise<Channel> {
  const envelope = await apiRequest({
    path: '/api/v1/channels/me',
    method: 'PATCH',
    body,
    bodySchema: zUpdateMyChannelBody,
    responseSchema: zUpdateMyChannelResponse,
  });
  return envelope.data;
}

export function useUpdateMyChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyChannel,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['accounts', 'channel'] });
    },
  });
}
