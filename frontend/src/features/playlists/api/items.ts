import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Playlist, PlaylistItem } from '../../../contract/generated/types.gen';
import {
  zAddPlaylistItemBody,
  zAddPlaylistItemResponse,
  zListPlaylistItemsResponse,
  zMovePlaylistItemBody,
  zMovePlaylistItemResponse,
  zRemovePlaylistItemResponse,
} from '../../../contract/generated/zod.gen';
import { limits } from '../../../contract/generated/limits.gen';
import { apiRequest } from '../../../lib/api/client';
import { myPlaylistsKey } from './myPlaylists';
import { playlistQueryKey } from './playlist';

const itemsPath = (playlistId: string) => `/api/v1/playlists/${encodeURIComponent(playlistId)}/items`;

/**
 * The items the caller may see, in order, up to `playlist.panelPageSize` (a page may be shorter than its
 * limit: items the caller may not watch are left out server-side, so every page is read until none is left
 * or enough are shown).
 */
export async function listPlaylistItems(playlistId: string, signal?: AbortSignal): Promise<PlaylistItem[]> {
  const items: PlaylistItem[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(limits.pagination.maxPageSize) });
    if (cursor) query.set('cursor', cursor);
    const page = await apiRequest({
      path: `${itemsPath(playlistId)}?${query.toString()}`,
      responseSchema: zListPlaylistItemsResponse,
      signal,
    });
    items.push(...page.data);
    cursor = page.meta.nextCursor;
  } while (cursor && items.length < limits.playlist.panelPageSize);
  return items;
}

export async function addPlaylistItem(playlistId: string, videoId: string): Promise<PlaylistItem> {
  const envelope = await apiRequest({
    path: itemsPath(playlistId),
    method: 'POST',
    body: { videoId },
    bodySchema: zAddPlaylistItemBody,
    responseSchema: zAddPlaylistItemResponse,
  });
  return envelope.data;
}

export async function removePlaylistItem(playlistId: string, videoId: string): Promise<void> {
  await apiRequest({
    path: `${itemsPath(playlistId)}/${encodeURIComponent(videoId)}`,
    method: 'DELETE',
    responseSchema: zRemovePlaylistItemResponse,
  });
}

/** Moves an item right after `afterVideoId`, or to the top with `null`. */
export async function movePlaylistItem(
  playlistId: string,
  videoId: string,
  afterVideoId: string | null,
): Promise<PlaylistItem> {
  const envelope = await apiRequest({
    path: `${itemsPath(playlistId)}/${encodeURIComponent(videoId)}/move`,
    method: 'POST',
    body: { afterVideoId },
    bodySchema: zMovePlaylistItemBody,
    responseSchema: zMovePlaylistItemResponse,
  });
  return envelope.data;
}

export const playlistItemsQueryKey = (playlistId: string) => ['playlists', 'items', playlistId] as const;

export function usePlaylistItems(playlistId: string, enabled = true) {
  return useQuery({
    queryKey: playlistItemsQueryKey(playlistId),
    queryFn: ({ signal }) => listPlaylistItems(playlistId, signal),
    enabled,
  });
}

/** Where `from` lands when moved by `step` (−1 up, +1 down), as the server's "after" item; undefined at an end. */
export function moveTarget(items: readonly PlaylistItem[], from: number, step: -1 | 1): string | null | undefined {
  const to = from + step;
  if (to < 0 || to >= items.length) return undefined;
  if (step === -1) return to === 0 ? null : (items[to - 1]?.video.id ?? null);
  return items[to]?.video.id ?? null;
}

/** The list with item `from` moved to index `from + step`. */
export function reorder(items: readonly PlaylistItem[], from: number, step: -1 | 1): PlaylistItem[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(from + step, 0, moved);
  return next;
}

/** Toggling a video in one of the caller's playlists: checked adds it, unchecked removes it. */
export interface Membership {
  playlistId: string;
  videoId: string;
  saved: boolean;
}

/**
 * The Save menu's checkbox: optimistic (the box and the count change at once), rolled back and reported through
 * `onFailure` when the server refuses.
 */
export function useToggleMembership(onFailure: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ playlistId, videoId, saved }: Membership) => {
      if (saved) await addPlaylistItem(playlistId, videoId);
      else await removePlaylistItem(playlistId, videoId);
    },
    onMutate: async ({ playlistId, videoId, saved }: Membership) => {
      const key = [...myPlaylistsKey, videoId] as const;
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Playlist[]>(key);
      if (previous) {
        queryClient.setQueryData<Playlist[]>(
          key,
          previous.map((playlist) =>
            playlist.id === playlistId && playlist.containsVideo !== saved
              ? { ...playlist, containsVideo: saved, itemCount: Math.max(0, playlist.itemCount + (saved ? 1 : -1)) }
              : playlist,
          ),
        );
      }
      return { previous, key };
    },
    onError: (error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(context.key, context.previous);
      onFailure(error);
    },
    onSettled: (_data, _error, { playlistId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: myPlaylistsKey }),
        queryClient.invalidateQueries({ queryKey: playlistQueryKey(playlistId) }),
        queryClient.invalidateQueries({ queryKey: playlistItemsQueryKey(playlistId) }),
      ]),
  });
}

/** Removing from the playlist page: optimistic on its item list. */
export function useRemoveItem(playlistId: string, onFailure: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const key = playlistItemsQueryKey(playlistId);
  return useMutation({
    mutationFn: (videoId: string) => removePlaylistItem(playlistId, videoId),
    onMutate: async (videoId) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PlaylistItem[]>(key);
      if (previous)
        queryClient.setQueryData(
          key,
          previous.filter((item) => item.video.id !== videoId),
        );
      return { previous };
    },
    onError: (error, _videoId, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      onFailure(error);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: playlistQueryKey(playlistId) }),
        queryClient.invalidateQueries({ queryKey: myPlaylistsKey }),
      ]),
  });
}

/** Move up / Move down on the playlist page: optimistic on its item list, rolled back on failure. */
export function useMoveItem(playlistId: string, onFailure: (error: unknown) => void) {
  const queryClient = useQueryClient();
  const key = playlistItemsQueryKey(playlistId);
  return useMutation({
    mutationFn: ({ videoId, afterVideoId }: { videoId: string; afterVideoId: string | null; next: PlaylistItem[] }) =>
      movePlaylistItem(playlistId, videoId, afterVideoId),
    onMutate: async ({ next }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PlaylistItem[]>(key);
      queryClient.setQueryData(key, next);
      return { previous };
    },
    onError: (error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      onFailure(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
