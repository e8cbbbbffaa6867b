import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlaylistDetail, PlaylistItem, PlaylistVisibility } from '../../contract/generated/types.gen';
import { limits } from '../../contract/generated/limits.gen';
import { zPlaylistId } from '../../contract/generated/zod.gen';
import { isApiError } from '../../lib/api/client';
import { formatClock } from '../../lib/format/time';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { moveTarget, reorder, useMoveItem, usePlaylistItems, useRemoveItem } from './api/items';
import { useDeletePlaylist, usePlaylist, useUpdatePlaylist } from './api/playlist';
import styles from './PlaylistPage.module.css';
import { playlistWatchUrl } from './usePlaylistPlayback';

const VISIBILITY_LABELS: Record<PlaylistVisibility, string> = {
  public: 'Public',
  unlisted: 'Unlisted — anyone with the link',
  private: 'Private — only you',
};

function PlaylistNotFound() {
  useDocumentTitle('Playlist not found');
  return (
    <section className="stack" aria-labelledby="playlist-not-found">
      <h1 id="playlist-not-found">This playlist isn&apos;t available</h1>
      <p>It may have been deleted or made private, or the link may be mistyped.</p>
      <Link to="/">Go to the home page</Link>
    </section>
  );
}

function EditDetails({ playlist, onDone }: { playlist: PlaylistDetail; onDone: () => void }) {
  const [title, setTitle] = useState(playlist.title);
  const [description, setDescription] = useState(playlist.description);
  const [visibility, setVisibility] = useState<PlaylistVisibility>(playlist.visibility);
  const update = useUpdatePlaylist(playlist.id);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ title: title.trim(), description, visibility }, { onSuccess: onDone });
  };
  return (
    <form className={styles.edit} onSubmit={submit} aria-label="Edit playlist">
      <label className={styles.field}>
        <span>Name</span>
        <input
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
        <span>Description</span>
        <textarea
          rows={3}
          maxLength={limits.playlist.description.max}
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
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
          {(Object.keys(VISIBILITY_LABELS) as PlaylistVisibility[]).map((value) => (
            <option key={value} value={value}>
              {VISIBILITY_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary" disabled={update.isPending || title.trim() === ''}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {update.isError && <p role="alert">Not saved: {update.error.message}</p>}
    </form>
  );
}

function ItemRow({
  item,
  position,
  count,
  playlistId,
  isOwner,
  onMove,
  onRemove,
}: {
  item: PlaylistItem;
  position: number;
  count: number;
  playlistId: string;
  isOwner: boolean;
  onMove: (position: number, step: -1 | 1) => void;
  onRemove: (videoId: string) => void;
}) {
  const watch = playlistWatchUrl(item.video.id, playlistId);
  return (
    <li className={styles.item}>
      <span className={styles.position} aria-hidden="true">
        {position + 1}
      </span>
      <Link to={watch} className={styles.thumb} tabIndex={-1} aria-hidden="true">
        {item.video.thumbnailUrl ? <img src={item.video.thumbnailUrl} alt="" loading="lazy" /> : null}
        {item.video.durationSeconds === undefined ? null : (
          <span className={styles.duration}>{formatClock(item.video.durationSeconds)}</span>
        )}
      </Link>
      <div className={styles.itemText}>
        <Link to={watch} className={styles.itemTitle}>
          {item.video.title}
        </Link>
        <span className={styles.muted}>
          {item.channel.name}
          {item.video.visibility === 'public' ? '' : ` · ${item.video.visibility}`}
        </span>
      </div>
      {isOwner && (
        <div className={styles.itemActions}>
          <button
            type="button"
            className="button button-ghost"
            aria-label={`Move up: ${item.video.title}`}
            data-move={`${item.video.id}-up`}
            disabled={position === 0}
            onClick={() => {
              onMove(position, -1);
            }}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-ghost"
            aria-label={`Move down: ${item.video.title}`}
            data-move={`${item.video.id}-down`}
            disabled={position === count - 1}
            onClick={() => {
              onMove(position, 1);
            }}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button-ghost"
            aria-label={`Remove: ${item.video.title}`}
            onClick={() => {
              onRemove(item.video.id);
            }}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * `/playlist/:playlistId`: title, owner, visibility and the videos in order, with "Play all". The owner also edits
 * the details, deletes the playlist (not Watch later), removes videos and reorders them with Move up / Move down
 * (keyboard buttons; the focus stays on the moved item's button). Reorders and removals are optimistic and roll
 * back when the server refuses.
 */
export function PlaylistPage() {
  const { playlistId = '' } = useParams();
  const validId = zPlaylistId.safeParse(playlistId).success;
  const playlist = usePlaylist(playlistId, validId);
  const items = usePlaylistItems(playlistId, validId);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const navigate = useNavigate();
  const report = (error: unknown) => {
    setFailure(error instanceof Error ? error.message : 'Something went wrong');
  };
  const move = useMoveItem(playlistId, report);
  const remove = useRemoveItem(playlistId, report);
  const deletePlaylist = useDeletePlaylist(playlistId);
  useDocumentTitle(playlist.data?.title ?? (playlist.isPending && validId ? 'Loading playlist' : undefined));

  if (!validId) return <PlaylistNotFound />;
  if (playlist.isPending) return <p className={styles.muted}>Loading playlist…</p>;
  if (playlist.isError) {
    if (isApiError(playlist.error) && playlist.error.code === 'NOT_FOUND') return <PlaylistNotFound />;
    throw playlist.error;
  }
  const data = playlist.data;
  const list = items.data ?? [];
  const first = list[0];

  const onMove = (position: number, step: -1 | 1) => {
    const after = moveTarget(list, position, step);
    const item = list[position];
    if (after === undefined || !item) return;
    setFailure(null);
    move.mutate({ videoId: item.video.id, afterVideoId: after, next: reorder(list, position, step) });
    setAnnouncement(`${item.video.title} moved to position ${String(position + step + 1)} of ${String(list.length)}`);
    // Keep the focus with the moved item (its row re-renders at the new place); at an end, on the other arrow.
    window.requestAnimationFrame(() => {
      const arrow = (direction: 'up' | 'down') =>
        document.querySelector<HTMLButtonElement>(`button[data-move="${item.video.id}-${direction}"]`);
      const same = arrow(step === -1 ? 'up' : 'down');
      (same && !same.disabled ? same : arrow(step === -1 ? 'down' : 'up'))?.focus();
    });
  };

  return (
    <section className={styles.page} aria-labelledby="playlist-title">
      <header className={styles.header}>
        <h1 id="playlist-title">{data.title}</h1>
        <p className={styles.muted}>
          <Link to={`/c/${encodeURIComponent(data.channel.handle)}`}>{data.channel.name}</Link> · {data.itemCount}{' '}
          {data.itemCount === 1 ? 'video' : 'videos'} · {VISIBILITY_LABELS[data.visibility]}
        </p>
        {data.description && <p className={styles.description}>{data.description}</p>}
        <div className={styles.actions}>
          {first ? (
            <Link className="button button-primary" to={playlistWatchUrl(first.video.id, data.id)}>
              Play all
            </Link>
          ) : null}
          {data.isOwner && data.kind === 'regular' && (
            <>
              <button
                type="button"
                className="button button-ghost"
                aria-expanded={editing}
                onClick={() => {
                  setEditing((open) => !open);
                }}
              >
                Edit details
              </button>
              <button
                type="button"
                className="button button-ghost"
                disabled={deletePlaylist.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the playlist “${data.title}”? The videos stay.`))
                    deletePlaylist.mutate(undefined, { onSuccess: () => void navigate('/playlists') });
                }}
              >
                Delete playlist
              </button>
            </>
          )}
        </div>
        {editing && (
          <EditDetails
            playlist={data}
            onDone={() => {
              setEditing(false);
            }}
          />
        )}
      </header>
      {failure && <p role="alert">{failure}</p>}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {items.isPending ? (
        <p className={styles.muted}>Loading videos…</p>
      ) : items.isError ? (
        <p role="alert">The videos of this playlist could not be loaded.</p>
      ) : list.length === 0 ? (
        <p className={styles.muted}>No videos here yet. Use “Save” under a video to add it.</p>
      ) : (
        <ol className={styles.items} aria-label={`Videos of ${data.title}`}>
          {list.map((item, position) => (
            <ItemRow
              key={item.video.id}
              item={item}
              position={position}
              count={list.length}
              playlistId={data.id}
              isOwner={data.isOwner}
              onMove={onMove}
              onRemove={(videoId) => {
                setFailure(null);
                remove.mutate(videoId);
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
