import { useCallback, useId, useRef, useState } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import type { ReportQueueEntry } from '../../contract/generated/types.gen';
import { isApiError } from '../../lib/api/client';
import { useModerate, type ModerationVerb } from './api/moderate';
import styles from './Moderation.module.css';
import { useDialogFocus } from './useDialogFocus';

const REASON = limits.moderation.actionReason;

export const VERB_LABELS: Record<ModerationVerb, string> = {
  block: 'Block video',
  unblock: 'Unblock video',
  remove: 'Remove comment',
  dismiss: 'Dismiss reports',
};

const HINTS: Record<ModerationVerb, string> = {
  block: 'The owner reads this reason; the video disappears for everyone else.',
  unblock: 'The video returns to how it was before the block.',
  remove: 'The comment stays in its thread as removed; its text is kept in the audit log only.',
  dismiss: 'The reports are closed; nothing else changes.',
};

/** What an action is about: a queue entry, or the video a moderator has open on its watch page. */
export type ModerationTarget = Pick<ReportQueueEntry, 'targetKind' | 'targetId' | 'preview'>;

interface ActionDialogProps {
  verb: ModerationVerb;
  entry: ModerationTarget;
  onClose: () => void;
  /** Called once the action was recorded, before `onClose`. */
  onDone?: (verb: ModerationVerb, entry: ModerationTarget) => void;
}

/** A moderator's action with the reason it is recorded with (audit log); modal, focus trapped and restored. */
export function ActionDialog({ verb, entry, onClose, onDone }: ActionDialogProps) {
  const [reason, setReason] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const moderate = useModerate();
  const close = useCallback(() => {
    onClose();
  }, [onClose]);
  useDialogFocus(panel, close);
  const trimmed = reason.trim();

  return (
    <div
      className={styles.backdrop}
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div ref={panel} className={styles.dialog} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{VERB_LABELS[verb]}</h2>
        <p className={styles.preview}>{entry.preview}</p>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed.length < REASON.min) return;
            moderate.mutate(
              { verb, targetKind: entry.targetKind, targetId: entry.targetId, reason: trimmed },
              {
                onSuccess: () => {
                  onDone?.(verb, entry);
                  onClose();
                },
              },
            );
          }}
        >
          <label className={styles.field} htmlFor={reasonId}>
            Reason
            <textarea
              id={reasonId}
              data-autofocus
              required
              maxLength={REASON.max}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
            <span className={styles.hint}>{HINTS[verb]}</span>
          </label>
          {moderate.isError && (
            <p className={styles.error} role="alert">
              {isApiError(moderate.error) && moderate.error.code === 'CONFLICT'
                ? 'Its state changed meanwhile; the queue is up to date again.'
                : 'That did not work. Please try again.'}
            </p>
          )}
          <div className={styles.actions}>
            <button type="button" className="button button-ghost" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={trimmed.length < REASON.min || moderate.isPending}
            >
              {moderate.isPending ? 'Working…' : VERB_LABELS[verb]}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
