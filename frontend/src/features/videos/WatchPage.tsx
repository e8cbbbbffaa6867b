import { Link, useParams } from 'react-router';
import type { Video, VideoStatus } from '../../contract/generated/types.gen';
import { zVideoId } from '../../contract/generated/zod.gen';
import { isApiError } from '../../lib/api/client';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useVideo } from './api/getVideo';
import styles from './WatchPage.module.css';

const STATUS_LABELS: Record<VideoStatus, string> = {
  uploading: 'Uploading',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
  blocked: 'Blocked',
};

function VideoNotFound() {
  useDocumentTitle('Video not found');
  return (
    <section aria-labelledby="video-not-found-heading" className="stack">
      <h1 id="video-not-found-heading">This video isn't available</h1>
      <p>It may have been removed or made private, or the link may be mistyped.</p>
      <Link to="/">Go to the home page</Link>
    </section>
  );
}

function StatusPanel({ video }: { video: Video }) {
  switch (video.status) {
    case 'ready':
      return (
        <div className={styles.player} role="img" aria-label="Video player placeholder">
          <p>The player arrives in a coming update.</p>
        </div>
      );
    case 'processing':
      return (
        <div className={styles.panel} role="status">
          <span className={styles.spinner} aria-hidden="true" />
          <p>Processing — your video will be playable soon.</p>
        </div>
      );
    case 'uploading':
      return (
        <div className={styles.panel} role="status">
          <p>The upload of this video has not finished yet.</p>
        </div>
      );
    case 'failed':
      return (
        <div className={`${styles.panel} ${styles.failed}`} role="alert">
          <p>Processing failed{video.failureReason ? `: ${video.failureReason}` : '.'}</p>
        </div>
      );
    case 'blocked':
      return (
        <div className={`${styles.panel} ${styles.failed}`} role="alert">
          <p>This video is blocked{video.failureReason ? `: ${video.failureReason}` : '.'}</p>
        </div>
      );
  }
}

/** Minimal watch page (issue 6): the video's status and details; the player and the rest come with issue 9. */
export function WatchPage() {
  const { videoId = '' } = useParams();
  const validId = zVideoId.safeParse(videoId).success;
  const video = useVideo(videoId, validId);
  useDocumentTitle(video.data?.title ?? (video.isPending && validId ? 'Loading video' : undefined));

  if (!validId) return <VideoNotFound />;
  if (video.isPending) return <p className={styles.muted}>Loading video…</p>;
  if (video.isError) {
    if (isApiError(video.error) && (video.error.code === 'VIDEO_NOT_FOUND' || video.error.code === 'NOT_FOUND'))
      return <VideoNotFound />;
    // Anything else is the route's error boundary's to show (with its retry).
    throw video.error;
  }

  const { data } = video;
  return (
    <article className={styles.page} aria-labelledby="video-title">
      <StatusPanel video={data} />
      <header className={styles.header}>
        <h1 id="video-title">{data.title}</h1>
        <span className={styles.badge} data-status={data.status}>
          {STATUS_LABELS[data.status]}
        </span>
      </header>
      <p className={styles.muted}>
        Channel <code>{data.channelId}</code> · {data.visibility}
      </p>
      {data.description ? <p className={styles.description}>{data.description}</p> : null}
      {data.tags.length > 0 && (
        <ul className={styles.tags} aria-label="Tags">
          {data.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
