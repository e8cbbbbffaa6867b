import { Link } from 'react-router';
import styles from './UploadStudio.module.css';
import { useTranscodeStatus } from './useTranscodeStatus';

/** The live part of a published upload's card: per-rendition progress, then the poster and a Watch link, or why not. */
export function TranscodeStatus({ videoId, title }: { videoId: string; title: string }) {
  const { view, live } = useTranscodeStatus(videoId);

  switch (view.phase) {
    case 'unknown':
      return (
        <div className={styles.transcode} aria-live="polite">
          <p className={styles.transcodeHeadline}>Checking the video…</p>
        </div>
      );
    case 'processing':
      return (
        <div className={styles.transcode} aria-live="polite" data-transcode="processing">
          <p className={styles.transcodeHeadline}>
            {view.renditions.length > 0 ? 'Processing' : 'Waiting for processing to start…'}
            <span className={styles.transcodeSource}>{live ? 'live' : 'checking every few seconds'}</span>
          </p>
          {view.renditions.length > 0 && (
            <ul className={styles.renditions} aria-label="Renditions">
              {view.renditions.map(({ resolution, progress }) => {
                const percent = Math.round(progress);
                return (
                  <li key={resolution} className={styles.rendition}>
                    <span className={styles.renditionName}>{resolution}</span>
                    <div
                      className={styles.bar}
                      role="progressbar"
                      aria-label={`${resolution} rendition`}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={percent}
                    >
                      <div className={styles.barFill} data-phase="uploading" style={{ width: `${percent}%` }} />
                    </div>
                    <span className={styles.percent}>{percent}%</span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      );
    case 'ready':
      return (
        <div className={styles.transcode} aria-live="polite" data-transcode="ready">
          {view.thumbnailUrl && <img className={styles.poster} src={view.thumbnailUrl} alt={`Poster of ${title}`} />}
          <div className={styles.transcodeReady}>
            <p className={styles.transcodeHeadline}>Ready to watch</p>
            {view.resolutions.length > 0 && <p className={styles.stats}>{view.resolutions.join(' · ')}</p>}
            <Link className="button button-primary" to={`/watch/${videoId}`}>
              Watch
            </Link>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className={styles.transcode} data-transcode="failed">
          <p role="alert" className={styles.problem}>
            {view.reason}
          </p>
        </div>
      );
  }
}
