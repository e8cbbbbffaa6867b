import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatClock } from '../../lib/format/time';
import styles from './PlaylistPanel.module.css';
import { playlistWatchUrl, type PlaylistPlayback } from './usePlaylistPlayback';

/**
 * The watch page's playlist panel (`?list=`): the playlist's title and where we are in it, Previous and Next, an
 * "Autoplay next" switch, and the items with the current one marked (`aria-current`). It can be collapsed to its
 * header. A playlist the viewer may not read (private, deleted) shows as unavailable and the page plays on.
 */
export function PlaylistPanel({ playback }: { playback: PlaylistPlayback }) {
  const [expanded, setExpanded] = useState(true);
  const headingId = useId();
  const listId = useId();
  const { playlist, items, index, previous, next } = playback;
  if (!playback.listId) return null;
  if (playback.loading) return <p className={styles.muted}>Loading playlist…</p>;
  if (!playlist) {
    return (
      <section className={styles.panel} aria-label="Playlist">
        <p className={styles.muted}>This playlist isn&apos;t available.</p>
      </section>
    );
  }
  const id = playback.listId;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <h2 id={headingId} className={styles.heading}>
            <Link to={`/playlist/${encodeURIComponent(id)}`}>{playlist.title}</Link>
          </h2>
          <p className={styles.muted}>
            {playlist.channel.name} ·{' '}
            {index >= 0 ? `${String(index + 1)} / ${String(items.length)}` : `${String(items.length)} videos`}
          </p>
        </div>
        <button
          type="button"
          className="button button-ghost"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => {
            setExpanded((open) => !open);
          }}
        >
          {expanded ? 'Hide list' : 'Show list'}
        </button>
      </header>
      <div className={styles.controls}>
        {previous ? (
          <Link className="button button-ghost" to={playlistWatchUrl(previous.video.id, id)}>
            Previous
          </Link>
        ) : (
          <button type="button" className="button button-ghost" disabled>
            Previous
          </button>
        )}
        {next ? (
          <Link className="button button-ghost" to={playlistWatchUrl(next.video.id, id)}>
            Next
          </Link>
        ) : (
          <button type="button" className="button button-ghost" disabled>
            Next
          </button>
        )}
        <label className={styles.autoplay}>
          <input
            type="checkbox"
            role="switch"
            checked={playback.autoplay}
            onChange={(event) => {
              playback.setAutoplay(event.target.checked);
            }}
          />
          Autoplay next
        </label>
      </div>
      {expanded && (
        <ol id={listId} className={styles.items} aria-label={`Videos of ${playlist.title}`}>
          {items.map((item, position) => (
            <li key={item.video.id}>
              <Link
                className={styles.item}
                to={playlistWatchUrl(item.video.id, id)}
                aria-current={position === index ? 'true' : undefined}
              >
                <span className={styles.position} aria-hidden="true">
                  {position === index ? '▶' : String(position + 1)}
                </span>
                <span className={styles.thumb} aria-hidden="true">
                  {item.video.thumbnailUrl ? <img src={item.video.thumbnailUrl} alt="" loading="lazy" /> : null}
                </span>
                <span className={styles.itemText}>
                  <span className={styles.itemTitle}>{item.video.title}</span>
                  <span className={styles.muted}>
                    {item.channel.name}
                    {item.video.durationSeconds === undefined ? '' : ` · ${formatClock(item.video.durationSeconds)}`}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The watch page's side column: the playlist panel (when playing one) above the related videos. */
export function WatchSide({ playback, children }: { playback: PlaylistPlayback; children: ReactNode }) {
  return (
    <div className={styles.side}>
      <PlaylistPanel playback={playback} />
      {children}
    </div>
  );
}
