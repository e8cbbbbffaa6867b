import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Playlist, PlaylistVisibility } from '../../../contract/generated/types.gen';
import {
  zCreatePlaylistBody,
  zCreatePlaylistResponse,
  zGetWatchLaterResponse,
  zListMyPlaylistsResponse,
} from '../../../contract/generated/zod.gen';
import { limits } from '../../../contract/generated/limits.gen';
import { apiRequest } from '../../../lib/api/client';

/**
 * The caller's playlists, Watch later first. With `videoId`, each says whether that video is in it (the Save
 * menu's checkboxes). One page of `pagination.maxPageSize` covers everyone but collectors; the rest is paged.
 */
export async function listMyPlaylists(videoId: string | undefined, signal?: AbortSignal): Promise<Playlist[]> {
  const all: Playlist[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(limits.pagination.maxPageSize) });
    if (videoId) query.set('videoId', videoId);
    if (cursor) query.set('cursor', cursor);
    const page = await apiRequest({
      path: `/api/v1/me/playlists?${query.toString()}`,
      responseSchema: zListMyPlaylistsResponse,
      signal,
    });
    all.push(...page.data);
    cursor = page.meta.nextCursor;
  } while (cursor);
  return all;
}

export async function getWatchLater(signal?: AbortSignal): Promise<Playlist> {
  const envelope = await apiRequest({ path: '/api/v1/me/watch-later', responseSchema: zGetWatchLaterResponse, signal });
  return envelope.data;
}

export interface NewPlaylist {
  title: string;
  description?: string;
  visibility: PlaylistVisibility;
}

export async function createPlaylist(input: NewPlaylist): Promise<Playlist> {
  const envelope = await apiRequest({
    path: '/api/v1/playlists',
    method: 'POST',
    body: input,
    bodySchema: zCreatePlaylistBody,
    responseSchema: zCreatePlaylistResponse,
  });
  return envelope.data;
}

/** Every cached list of the caller's playlists starts with this key (with or without a video). */
export const myPlaylistsKey = ['playlists', 'mine'] as const;
export const myPlaylistsQueryKey = (videoId: string | undefined) => [...myPlaylistsKey, videoId ?? ''] as const;

export function useMyPlaylists(videoId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: myPlaylistsQueryKey(videoId),
    queryFn: ({ signal }) => listMyPlaylists(videoId, signal),
    enabled,
  });
}

export function useCreatePlaylist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlaylist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myPlaylistsKey }),
  });
}
