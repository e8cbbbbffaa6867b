import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Playlist, PlaylistDetail, PlaylistUpdateRequest } from '../../../contract/generated/types.gen';
import {
  zDeletePlaylistResponse,
  zGetPlaylistResponse,
  zUpdatePlaylistBody,
  zUpdatePlaylistResponse,
} from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { myPlaylistsKey } from './myPlaylists';

const path = (playlistId: string) => `/api/v1/playlists/${encodeURIComponent(playlistId)}`;

export async function getPlaylist(playlistId: string, signal?: AbortSignal): Promise<PlaylistDetail> {
  const envelope = await apiRequest({ path: path(playlistId), responseSchema: zGetPlaylistResponse, signal });
  return envelope.data;
}

export async function updatePlaylist(playlistId: string, change: PlaylistUpdateRequest): Promise<Playlist> {
  const envelope = await apiRequest({
    path: path(playlistId),
    method: 'PATCH',
    body: change,
    bodySchema: zUpdatePlaylistBody,
    responseSchema: zUpdatePlaylistResponse,
  });
  return envelope.data;
}

export async function deletePlaylist(playlistId: string): Promise<void> {
  await apiRequest({ path: path(playlistId), method: 'DELETE', responseSchema: zDeletePlaylistResponse });
}

export const playlistQueryKey = (playlistId: string) => ['playlists', 'playlist', playlistId] as const;

export function usePlaylist(playlistId: string, enabled = true) {
  return useQuery({
    queryKey: playlistQueryKey(playlistId),
    queryFn: ({ signal }) => getPlaylist(playlistId, signal),
    enabled,
  });
}

export function useUpdatePlaylist(playlistId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PlaylistUpdateRequest) => updatePlaylist(playlistId, change),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: playlistQueryKey(playlistId) }),
        queryClient.invalidateQueries({ queryKey: myPlaylistsKey }),
      ]),
  });
}

export function useDeletePlaylist(playlistId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePlaylist(playlistId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myPlaylistsKey }),
  });
}
