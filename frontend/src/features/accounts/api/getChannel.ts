import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Channel } from '../../../contract/generated/types.gen';
import { zGetChannelResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function getChannel(idOrHandle: string, signal?: AbortSignal): Promise<Channel> {
  const envelope = await apiRequest({
    path: `/api/v1/channels/${encodeURIComponent(idOrHandle)}`,
    responseSchema: zGetChannelResponse,
    signal,
  });
  return envelope.data;
}

export function channelQueryOptions(idOrHandle: string) {
  return queryOptions({
    queryKey: ['accounts', 'channel', idOrHandle],
    queryFn: ({ signal }) => getChannel(idOrHandle, signal),
  });
}

export function useChannel(idOrHandle: string) {
  return useQuery(channelQueryOptions(idOrHandle));
}
