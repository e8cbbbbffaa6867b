import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlaylistDetail, PlaylistItem } from '../../contract/generated/types.gen';
import { zPlaylistId } from '../../contract/generated/zod.gen';
import { usePlaylistItems } from './api/items';
import { usePlaylist } from './api/playlist';

const AUTOPLAY_KEY = 'kinora.playlistAutoplay';

function savedAutoplay(): boolean {
  try {
    return window.localStorage.getItem(AUTOPLAY_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** The watch page's link to a video of a playlist: the same page with `?list=`. */
export function playlistWatchUrl(videoId: string, playlistId: string): string {
  return `/watch/${encodeURIComponent(videoId)}?list=${encodeURIComponent(playlistId)}`;
}

/** What the watch page knows about the playlist it plays (`?list=`), and what to do when a video ends. */
export interface PlaylistPlayback {
  listId: string | null;
  playlist: PlaylistDetail | undefined;
  items: PlaylistItem[];
  /** Index of the current video in `items`; −1 when it is not (or no longer) in the list. */
  index: number;
  previous: PlaylistItem | undefined;
  next: PlaylistItem | undefined;
  autoplay: boolean;
  setAutoplay: (on: boolean) => void;
  /** Whether the player should start on its own (it was reached from a playlist). */
  autoPlay: boolean;
  /** The player's `ended`: the next video when autoplay is on. */
  onEnded: () => void;
  loading: boolean;
}

/** The playlist of `?list=<id>` around the video `videoId`, for its panel and the player. */
export function usePlaylistPlayback(listParam: string | null, videoId: string): PlaylistPlayback {
  const listId = listParam !== null && zPlaylistId.safeParse(listParam).success ? listParam : null;
  const playlist = usePlaylist(listId ?? '', listId !== null);
  const items = usePlaylistItems(listId ?? '', listId !== null);
  const [autoplay, setAutoplayState] = useState(savedAutoplay);
  const navigate = useNavigate();
  const list = items.data ?? [];
  const index = list.findIndex((item) => item.video.id === videoId);
  const previous = index > 0 ? list[index - 1] : undefined;
  const next = index >= 0 ? list[index + 1] : list[0];

  const setAutoplay = useCallback((on: boolean) => {
    setAutoplayState(on);
    try {
      window.localStorage.setItem(AUTOPLAY_KEY, on ? 'on' : 'off');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  const nextId = next?.video.id;
  const onEnded = useCallback(() => {
    if (autoplay && listId && nextId) void navigate(playlistWatchUrl(nextId, listId));
  }, [autoplay, listId, nextId, navigate]);

  return {
    listId,
    playlist: playlist.data,
    items: list,
    index,
    previous,
    next,
    autoplay,
    setAutoplay,
    autoPlay: listId !== null,
    onEnded,
    loading: listId !== null && (playlist.isPending || items.isPending),
  };
}
