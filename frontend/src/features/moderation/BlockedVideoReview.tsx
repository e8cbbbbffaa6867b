import { useCallback, useState } from 'react';
import type { VideoDetail } from '../../contract/generated/types.gen';
import { ActionDialog, VERB_LABELS } from './ActionDialog';
import styles from './Moderation.module.css';

/**
 * What a moderator sees above a blocked video they opened (the API shows a blocked video to its owner and to admins
 * only, so a non-owner here is an admin): why it was blocked, and Unblock right there.
 */
export function BlockedVideoReview({ video }: { video: VideoDetail }) {
  const [unblocking, setUnblocking] = useState(false);
  const close = useCallback(() => {
    setUnblocking(false);
  }, []);
  return (
    <section className={styles.review} aria-labelledby="blocked-review-title">
      <div className={styles.reviewText}>
        <p id="blocked-review-title" className={styles.reviewTitle}>
          Blocked by moderation{video.failureReason ? `: ${video.failureReason}` : ''}
        </p>
        <p>Only its owner and moderators can see this video.</p>
      </div>
      <button
        type="button"
        className="button button-primary"
        aria-haspopup="dialog"
        onClick={() => {
          setUnblocking(true);
        }}
      >
        {VERB_LABELS.unblock}
      </button>
      {unblocking && (
        <ActionDialog
          verb="unblock"
          entry={{ targetKind: 'video', targetId: video.id, preview: video.title }}
          onClose={close}
        />
      )}
    </section>
  );
}
