import { useInfiniteQuery } from '@tanstack/react-query';
import type { PlaylistListResponse } from '../../../contract/generated/types.gen';
import { zListChannelPlaylistsResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/**
 * One page of a channel's public playlists, newest first. Each `itemCount` is what the caller may see of it (the
 * server counts: a public playlist does not reveal videos hidden from the caller).
 */
export async function listChannelPlaylists(
  idOrHandle: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<PlaylistListResponse> {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return apiRequest({
    path: `/api/v1/channels/${encodeURIComponent(idOrHandle)}/playlists${search ? `?${search}` : ''}`,
    responseSchema: zListChannelPlaylistsResponse,
    signal,
  });
}

export const channelPlaylistsQueryKey = (idOrHandle: string) => ['playlists', 'channel', idOrHandle] as const;

export function useChannelPlaylists(idOrHandle: string) {
  return useInfiniteQuery({
    queryKey: channelPlaylistsQueryKey(idOrHandle),
    queryFn: ({ pageParam, signal }) => listChannelPlaylists(idOrHandle, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
