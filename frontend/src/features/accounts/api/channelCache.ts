import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Channel, Me } from '../../../contract/generated/types.gen';
import { meQueryKey } from './getMe';

/** Every cached channel lives under this key (by id or by handle). */
export const channelQueryPrefix = ['accounts', 'channel'] as const;

/** What an optimistic channel edit replaced, to put back if the server refuses it. */
export interface ChannelSnapshot {
  me: Me | null | undefined;
  channels: [QueryKey, Channel | undefined][];
}

function forEachCachedChannel(
  queryClient: QueryClient,
  channelId: string,
  update: (channel: Channel) => Channel,
): [QueryKey, Channel | undefined][] {
  const cached = queryClient.getQueriesData<Channel>({ queryKey: channelQueryPrefix });
  for (const [key, channel] of cached) {
    if (channel?.id === channelId) queryClient.setQueryData<Channel>(key, update(channel));
  }
  return cached;
}

/**
 * Shows `patch` on the signed-in account's channel everywhere it is cached (the header's `me`, channel pages)
 * before the server answers; returns what to restore with `rollbackChannel`.
 */
export async function applyOptimisticChannel(
  queryClient: QueryClient,
  patch: Partial<Channel>,
): Promise<ChannelSnapshot> {
  await queryClient.cancelQueries({ queryKey: meQueryKey });
  await queryClient.cancelQueries({ queryKey: channelQueryPrefix });
  const me = queryClient.getQueryData<Me | null>(meQueryKey);
  if (!me) return { me, channels: [] };
  const apply = (channel: Channel): Channel => ({ ...channel, ...patch });
  const next: Me = { ...me, channel: apply(me.channel) };
  queryClient.setQueryData(meQueryKey, next);
  const channels = forEachCachedChannel(queryClient, me.channel.id, apply);
  return { me, channels };
}

export function rollbackChannel(queryClient: QueryClient, snapshot: ChannelSnapshot | undefined) {
  if (!snapshot) return;
  queryClient.setQueryData(meQueryKey, snapshot.me);
  for (const [key, channel] of snapshot.channels) queryClient.setQueryData(key, channel);
}

/** Puts the server's answer in every place the channel is cached. */
export function storeChannel(queryClient: QueryClient, channel: Channel) {
  const me = queryClient.getQueryData<Me | null>(meQueryKey);
  if (me?.channel.id === channel.id) {
    const next: Me = { ...me, channel };
    queryClient.setQueryData(meQueryKey, next);
  }
  forEachCachedChannel(queryClient, channel.id, () => channel);
}
