import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import type { PlaylistVisibility } from '../../contract/generated/types.gen';
import { limits } from '../../contract/generated/limits.gen';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCreatePlaylist, useMyPlaylists } from './api/myPlaylists';
import styles from './PlaylistsPage.module.css';

const VISIBILITY_LABELS: Record<PlaylistVisibility, string> = {
  public: 'Public',
  unlisted: 'Unlisted',
  private: 'Private',
};

function CreatePlaylist() {
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<PlaylistVisibility>('private');
  const create = useCreatePlaylist();
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { title: title.trim(), visibility },
      {
        onSuccess: () => {
          setTitle('');
        },
      },
    );
  };
  return (
    <form className={styles.create} onSubmit={submit} aria-label="New playlist">
      <label className={styles.field}>
        <span>New playlist</span>
        <input
          type="text"
          required
          maxLength={limits.playlist.title.max}
          value={title}
          placeholder="Name"
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
          {(Object.keys(VISIBILITY_LABELS) as PlaylistVisibility[]).map((value) => (
            <option key={value} value={value}>
              {VISIBILITY_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={create.isPending || title.trim() === ''}>
        {create.isPending ? 'Creating…' : 'Create'}
      </button>
      {create.isError && <p role="alert">The playlist could not be created: {create.error.message}</p>}
    </form>
  );
}

/** `/playlists`: the signed-in user's playlists (Watch later first) and a form for a new one. */
export function PlaylistsPage() {
  useDocumentTitle('Your playlists');
  const playlists = useMyPlaylists(undefined);
  return (
    <section className="stack" aria-labelledby="playlists-heading">
      <h1 id="playlists-heading">Your playlists</h1>
      <CreatePlaylist />
      {playlists.isPending ? (
        <p className={styles.muted}>Loading your playlists…</p>
      ) : playlists.isError ? (
        <p role="alert">Your playlists could not be loaded.</p>
      ) : (
        <ul className={styles.grid} aria-label="Playlists">
          {playlists.data.map((playlist) => (
            <li key={playlist.id} className={styles.card}>
              <Link to={`/playlist/${encodeURIComponent(playlist.id)}`} className={styles.title}>
                {playlist.title}
              </Link>
              <p className={styles.muted}>
                {playlist.itemCount} {playlist.itemCount === 1 ? 'video' : 'videos'} ·{' '}
                {VISIBILITY_LABELS[playlist.visibility]}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
