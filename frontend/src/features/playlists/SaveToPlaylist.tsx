import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import type { Playlist, PlaylistVisibility } from '../../contract/generated/types.gen';
import { limits } from '../../contract/generated/limits.gen';
import { addPlaylistItem, useToggleMembership } from './api/items';
import { myPlaylistsKey, useCreatePlaylist, useMyPlaylists } from './api/myPlaylists';
import styles from './SaveToPlaylist.module.css';

const VISIBILITIES: { value: PlaylistVisibility; label: string }[] = [
  { value: 'private', label: 'Private' },
  { value: 'unlisted', label: 'Unlisted' },
  { value: 'public', label: 'Public' },
];

function NewPlaylistForm({ videoId, onCreated }: { videoId: string; onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<PlaylistVisibility>('private');
  const create = useCreatePlaylist();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    try {
      const playlist = await create.mutateAsync({ title: title.trim(), visibility });
      await addPlaylistItem(playlist.id, videoId);
      // The list refetched when the playlist was created, before the video was in it.
      await queryClient.invalidateQueries({ queryKey: myPlaylistsKey });
      onCreated();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The playlist could not be created');
    }
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)}>
      <label className={styles.field}>
        <span>Name</span>
        <input
          ref={titleRef}
          type="text"
          required
          maxLength={limits.playlist.title.max}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
        />
      </label>
      <label className={styles.field}>
        <span>Visibility</span>
        <select
          value={visibility}
          onChange={(event) => {
            setVisibility(event.target.value as PlaylistVisibility);
          }}
        >
          {VISIBILITIES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {failure && <p role="alert">{failure}</p>}
      <button type="submit" className="button button-primary" disabled={create.isPending || title.trim() === ''}>
        {create.isPending ? 'Creating…' : 'Create'}
      </button>
    </form>
  );
}

/**
 * "Save" on the watch page: a small dialog listing the caller's playlists (Watch later first) with a checkbox each,
 * ticked when the video is in it. A tick adds or removes at once (optimistic, rolled back on failure); "New
 * playlist" creates one with this video in it. Escape or a click outside closes it and the focus returns to the
 * button. Signed-out visitors get a sign-in link instead.
 */
export function SaveToPlaylist({ videoId, signedIn }: { videoId: string; signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();
  const playlists = useMyPlaylists(videoId, open && signedIn);
  const toggle = useToggleMembership((error) => {
    setFailure(error instanceof Error ? `Not saved: ${error.message}` : 'Not saved');
  });
  // The box the user just clicked shows its new state at once: the optimistic cache write reaches this component a
  // timer tick later (TanStack Query notifies on a timeout), and a controlled checkbox would flick back for that tick.
  // Whatever the cache says next (the optimistic write, a rollback, a refetch) is new data and takes over again.
  const [clicks, setClicks] = useState<{ on?: Playlist[]; boxes: Readonly<Record<string, boolean>> }>({ boxes: {} });
  const clicked = clicks.on === playlists.data ? clicks.boxes : {};

  useEffect(() => {
    if (!open) return undefined;
    panelRef.current?.querySelector<HTMLElement>('input, a, button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (target instanceof Node && !panelRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, playlists.isSuccess]);

  return (
    <div className={styles.save}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-ghost"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label="Save to playlist"
        onClick={() => {
          setOpen((wasOpen) => !wasOpen);
          setCreating(false);
          setFailure(null);
        }}
      >
        Save
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className={styles.panel} role="dialog" aria-labelledby={headingId}>
          <h2 id={headingId} className={styles.heading}>
            Save to…
          </h2>
          {!signedIn ? (
            <p>
              <Link to="/signin">Sign in</Link> to save videos to playlists.
            </p>
          ) : playlists.isPending ? (
            <p className={styles.muted}>Loading your playlists…</p>
          ) : playlists.isError ? (
            <p role="alert">Your playlists could not be loaded.</p>
          ) : (
            <ul className={styles.list}>
              {playlists.data.map((playlist) => (
                <li key={playlist.id}>
                  <label className={styles.option}>
                    <input
                      type="checkbox"
                      checked={clicked[playlist.id] ?? playlist.containsVideo ?? false}
                      onChange={(event) => {
                        const saved = event.target.checked;
                        setFailure(null);
                        setClicks({ on: playlists.data, boxes: { ...clicked, [playlist.id]: saved } });
                        toggle.mutate({ playlistId: playlist.id, videoId, saved });
                      }}
                    />
                    <span className={styles.optionTitle}>{playlist.title}</span>
                    {playlist.kind === 'regular' && playlist.visibility !== 'public' && (
                      <span className={styles.muted}>{playlist.visibility}</span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {failure && <p role="alert">{failure}</p>}
          {signedIn &&
            (creating ? (
              <NewPlaylistForm
                videoId={videoId}
                onCreated={() => {
                  setCreating(false);
                }}
              />
            ) : (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  setCreating(true);
                }}
              >
                New playlist
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
