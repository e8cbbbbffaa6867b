import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelUpdateRequest } from '../../../contract/generated/types.gen';
import { zUpdateMyChannelBody, zUpdateMyChannelResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { applyOptimisticChannel, channelQueryPrefix, rollbackChannel, storeChannel } from './channelCache';
import { meQueryKey } from './getMe';

export const channelUpdateSchema = zUpdateMyChannelBody;

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

/** Name and description edits show at once and roll back if the server refuses them. */
export function useUpdateMyChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyChannel,
    onMutate: (edit: ChannelUpdateRequest) => {
      const patch: Partial<Channel> = {};
      if (edit.name !== undefined) patch.name = edit.name;
      if (edit.description !== undefined) patch.description = edit.description;
      return applyOptimisticChannel(queryClient, patch);
    },
    onError: (_error, _edit, snapshot) => {
      rollbackChannel(queryClient, snapshot);
    },
    onSuccess: (channel) => {
      storeChannel(queryClient, channel);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: channelQueryPrefix });
    },
  });
}
