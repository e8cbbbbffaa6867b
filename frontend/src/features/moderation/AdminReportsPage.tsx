import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ReportQueueEntry } from '../../contract/generated/types.gen';
import { isApiError } from '../../lib/api/client';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ActionDialog, VERB_LABELS, type ModerationTarget } from './ActionDialog';
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

const DONE: Record<ModerationVerb, string> = {
  block: 'Video blocked',
  unblock: 'Video unblocked',
  remove: 'Comment removed',
  dismiss: 'Reports dismissed',
};

/**
 * `/admin/reports`: reported items grouped with their counts, newest report first; admins act on each. Loading, an
 * empty queue, a failed read (with Try again, keeping what was already listed) each say so; after an action the focus
 * moves to the heading (the item and its buttons may have left the queue) and a status line says what was done.
 */
export function AdminReportsPage() {
  useDocumentTitle('Reports');
  const queue = useReportQueue();
  const heading = useRef<HTMLHeadingElement>(null);
  const [acting, setActing] = useState<{ verb: ModerationVerb; entry: ReportQueueEntry } | undefined>();
  const [done, setDone] = useState('');
  // Set while a dialog is open, so the focus is only ever moved after one closed (never on arrival).
  const dialogWasOpen = useRef(false);
  const close = useCallback(() => {
    setActing(undefined);
  }, []);
  const acted = useCallback((verb: ModerationVerb, entry: ModerationTarget) => {
    setDone(`${DONE[verb]}: ${entry.preview || '(no text)'}`);
  }, []);
  useEffect(() => {
    if (acting) {
      dialogWasOpen.current = true;
      return;
    }
    if (!dialogWasOpen.current) return;
    dialogWasOpen.current = false;
    // The dialog gave the focus back to its button; if that button left the queue with its item, the focus is lost.
    if (document.activeElement === document.body || document.activeElement === null) {
      heading.current?.focus();
    }
  }, [acting]);

  const title = (
    <h1 id="reports-title" ref={heading} tabIndex={-1}>
      Reports
    </h1>
  );
  if (queue.isPending) {
    return (
      <section className={styles.page} aria-labelledby="reports-title" aria-busy="true">
        {title}
        <p role="status">Loading reports…</p>
      </section>
    );
  }
  if (!queue.data) {
    const forbidden = isApiError(queue.error) && queue.error.code === 'FORBIDDEN';
    return (
      <section className={styles.page} aria-labelledby="reports-title">
        {title}
        <div className={styles.problem} role="alert">
          <p>{forbidden ? 'Only moderators can see the report queue.' : 'The queue could not be loaded.'}</p>
          {!forbidden && (
            <button type="button" className="button" onClick={() => void queue.refetch()}>
              Try again
            </button>
          )}
        </div>
      </section>
    );
  }
  const entries = queue.data.pages.flatMap((page) => page.data);
  return (
    <section className={styles.page} aria-labelledby="reports-title">
      <div className={styles.pageHead}>
        {title}
        <p role="status" className={styles.done}>
          {done}
        </p>
      </div>
      {entries.length === 0 ? (
        <p>No open reports. New reports from viewers appear here.</p>
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
      {queue.isError ? (
        <div className={styles.problem} role="alert">
          <p>{queue.isFetchNextPageError ? 'More reports could not be loaded.' : 'The queue could not be updated.'}</p>
          <button
            type="button"
            className="button"
            onClick={() => void (queue.isFetchNextPageError ? queue.fetchNextPage() : queue.refetch())}
          >
            Try again
          </button>
        </div>
      ) : (
        queue.hasNextPage && (
          <button
            type="button"
            className="button button-ghost"
            disabled={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            {queue.isFetchingNextPage ? 'Loading…' : 'More'}
          </button>
        )
      )}
      {acting && <ActionDialog verb={acting.verb} entry={acting.entry} onClose={close} onDone={acted} />}
    </section>
  );
}
