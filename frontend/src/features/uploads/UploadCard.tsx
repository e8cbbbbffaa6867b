import { useId } from 'react';
import { Link } from 'react-router';
import { formatBytes } from '../../lib/format/bytes';
import type { UploadPhase } from './engine/uploadEngine';
import { formatEta, formatSpeed, percentOf } from './format';
import { MetadataForm } from './MetadataForm';
import { TranscodeStatus } from './TranscodeStatus';
import type { UploadTaskView } from './uploadQueue';
import styles from './UploadStudio.module.css';

const PHASE_LABELS: Record<UploadPhase, string> = {
  preparing: 'Starting…',
  uploading: 'Uploading',
  waiting: 'Waiting',
  paused: 'Paused',
  uploaded: 'Uploaded',
  publishing: 'Publishing…',
  published: 'Published',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

const WITH_DETAILS: readonly UploadPhase[] = ['preparing', 'uploading', 'waiting', 'paused', 'uploaded', 'publishing'];

/** One file's upload: progress, speed and ETA, pause/resume/cancel, problems, and its details form. */
export function UploadCard({ task, onRemove }: { task: UploadTaskView; onRemove: () => void }) {
  const headingId = useId();
  const { engine, snapshot } = task;
  const { phase, fileName, fileSize, sentBytes, bytesPerSecond, etaSeconds, problem, notice } = snapshot;
  const percent = phase === 'published' || phase === 'publishing' ? 100 : percentOf(sentBytes, fileSize);
  const moving = phase === 'uploading';
  const stats = [
    `${formatBytes(sentBytes)} of ${formatBytes(fileSize)}`,
    moving && bytesPerSecond !== undefined ? formatSpeed(bytesPerSecond) : undefined,
    moving && etaSeconds !== undefined ? `about ${formatEta(etaSeconds)} left` : undefined,
    snapshot.totalParts > 0 ? `part ${snapshot.storedParts} of ${snapshot.totalParts} stored` : undefined,
  ].filter(Boolean);

  return (
    <article className={styles.card} aria-labelledby={headingId} data-phase={phase}>
      <header className={styles.cardHeader}>
        <h2 id={headingId} className={styles.fileName} title={fileName}>
          {fileName}
        </h2>
        <span className={styles.badge} data-phase={phase} role="status">
          {PHASE_LABELS[phase]}
        </span>
      </header>

      <div
        className={styles.bar}
        role="progressbar"
        aria-label={`Upload of ${fileName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${formatBytes(sentBytes)} of ${formatBytes(fileSize)}`}
      >
        <div className={styles.barFill} data-phase={phase} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.stats}>
        <span className={styles.percent}>{percent}%</span> {stats.join(' · ')}
      </p>

      {notice && <p className={styles.notice}>{notice}</p>}
      {problem && !problem.issues && (
        <p role="alert" className={styles.problem}>
          {problem.message}
        </p>
      )}

      <div className={styles.actions}>
        {(phase === 'uploading' || phase === 'preparing' || phase === 'waiting') && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              engine.pause();
            }}
          >
            Pause
          </button>
        )}
        {phase === 'paused' && (
          <button type="button" className="button button-primary" onClick={() => void engine.resume()}>
            Resume
          </button>
        )}
        {WITH_DETAILS.includes(phase) && phase !== 'publishing' && (
          <button type="button" className="button button-ghost" onClick={() => void engine.cancel()}>
            Cancel upload
          </button>
        )}
        {phase === 'published' && snapshot.videoId && (
          <Link className="button button-ghost" to={`/watch/${snapshot.videoId}`}>
            Video page
          </Link>
        )}
        {(phase === 'published' || phase === 'cancelled' || phase === 'failed') && (
          <button type="button" className="button button-ghost" onClick={onRemove}>
            Remove from list
          </button>
        )}
      </div>

      {phase === 'published' && snapshot.videoId && (
        <TranscodeStatus videoId={snapshot.videoId} title={snapshot.video?.title ?? fileName} />
      )}

      {WITH_DETAILS.includes(phase) && (
        <MetadataForm
          snapshot={snapshot}
          onPublish={(metadata) => void engine.publish(metadata)}
          onEdit={() => {
            engine.withdrawPublish();
          }}
        />
      )}
    </article>
  );
}
