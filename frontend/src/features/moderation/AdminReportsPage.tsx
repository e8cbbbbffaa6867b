import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { ReportQueueEntry } from '../../contract/generated/types.gen';
import { isApiError } from '../../lib/api/client';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ActionDialog, VERB_LABELS } from './ActionDialog';
import type { ModerationVerb } from './api/moderate';
import { useReportQueue } from './api/reportQueue';
import styles from './Moderation.module.css';
import { REASON_LABELS } from './reasons';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function verbsFor(entry: ReportQueueEntry): ModerationVerb[] {
  if (entry.targetKind === 'comment') return ['remove', 'dismiss'];
  return entry.videoStatus === 'blocked' ? ['unblock', 'dismiss'] : ['block', 'dismiss'];
}

function QueueItem({ entry, onAct }: { entry: ReportQueueEntry; onAct: (verb: ModerationVerb) => void }) {
  const headingId = `report-${entry.targetKind}-${entry.targetId}`;
  return (
    <li className={styles.entry} aria-labelledby={headingId}>
      <div className={styles.entryHead}>
        <p id={headingId} className={styles.preview}>
          {entry.targetKind === 'video' ? 'Video' : 'Comment'}: {entry.preview || '(no text)'}
        </p>
        <span className={styles.meta}>
          {entry.openReports} open {entry.openReports === 1 ? 'report' : 'reports'}
        </span>
      </div>
      <ul className={styles.chips} aria-label="Reasons">
        {entry.reasons.map((reason) => (
          <li key={reason}>{REASON_LABELS[reason]}</li>
        ))}
      </ul>
      <p className={styles.meta}>
        Last reported {when.format(new Date(entry.latestReportAt))}
        {entry.videoStatus ? ` · video ${entry.videoStatus}` : ''} ·{' '}
        <Link to={`/watch/${entry.videoId}`}>{entry.targetKind === 'video' ? 'Open video' : 'Open its video'}</Link>
      </p>
      <div className={styles.rowActions}>
        {verbsFor(entry).map((verb) => (
          <button
            key={verb}
            type="button"
            className={verb === 'dismiss' ? 'button button-ghost' : 'button button-primary'}
            aria-haspopup="dialog"
            onClick={() => {
              onAct(verb);
            }}
          >
            {VERB_LABELS[verb]}
          </button>
        ))}
      </div>
    </li>
  );
}

/** `/admin/reports`: reported items grouped with their counts, newest report first; admins act on each. */
export function AdminReportsPage() {
  useDocumentTitle('Reports');
  const queue = useReportQueue();
  const [acting, setActing] = useState<{ verb: ModerationVerb; entry: ReportQueueEntry } | undefined>();
  const close = useCallback(() => {
    setActing(undefined);
  }, []);

  if (queue.isPending) return <p>Loading reports…</p>;
  if (queue.isError) {
    const forbidden = isApiError(queue.error) && queue.error.code === 'FORBIDDEN';
    return (
      <section className={styles.page}>
        <h1>Reports</h1>
        <p role="alert">{forbidden ? 'Only moderators can see the report queue.' : 'The queue could not be loaded.'}</p>
      </section>
    );
  }
  const entries = queue.data.pages.flatMap((page) => page.data);
  return (
    <section className={styles.page} aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      {entries.length === 0 ? (
        <p>No open reports.</p>
      ) : (
        <ul className={styles.queue} aria-label="Reported items">
          {entries.map((entry) => (
            <QueueItem
              key={`${entry.targetKind}-${entry.targetId}`}
              entry={entry}
              onAct={(verb) => {
                setActing({ verb, entry });
              }}
            />
          ))}
        </ul>
      )}
      {queue.hasNextPage && (
        <button
          type="button"
          className="button button-ghost"
          disabled={queue.isFetchingNextPage}
          onClick={() => void queue.fetchNextPage()}
        >
          {queue.isFetchingNextPage ? 'Loading…' : 'More'}
        </button>
      )}
      {acting && <ActionDialog verb={acting.verb} entry={acting.entry} onClose={close} />}
    </section>
  );
}
