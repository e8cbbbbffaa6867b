import { Link } from 'react-router';
import { useChannelPlaylists } from './api/channelPlaylists';
import styles from './PlaylistsPage.module.css';

/** The channel page's Playlists tab: the channel's public playlists, newest first, with how many videos you can see. */
export function ChannelPlaylists({ idOrHandle, channelName }: { idOrHandle: string; channelName: string }) {
  const playlists = useChannelPlaylists(idOrHandle);
  if (playlists.isPending) {
    return (
      <p className={styles.muted} role="status">
        Loading playlists…
      </p>
    );
  }
  if (playlists.isError) {
    return (
      <div role="alert" className="stack">
        <p>The playlists could not be loaded.</p>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            void playlists.refetch();
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  const shown = playlists.data.pages.flatMap((page) => page.data);
  if (shown.length === 0) {
    return <p className={styles.muted}>This channel has no public playlists yet.</p>;
  }
  return (
    <div className="stack">
      <ul className={styles.grid} aria-label={`Playlists of ${channelName}`}>
        {shown.map((playlist) => (
          <li key={playlist.id} className={styles.card}>
            <Link to={`/playlist/${encodeURIComponent(playlist.id)}`} className={styles.title}>
              {playlist.title}
            </Link>
            <p className={styles.muted}>
              {playlist.itemCount} {playlist.itemCount === 1 ? 'video' : 'videos'}
            </p>
          </li>
        ))}
      </ul>
      {playlists.hasNextPage && (
        <button
          type="button"
          className="button button-ghost"
          disabled={playlists.isFetchingNextPage}
          onClick={() => {
            void playlists.fetchNextPage();
          }}
        >
          {playlists.isFetchingNextPage ? 'Loading…' : 'Show more playlists'}
        </button>
      )}
    </div>
  );
}
