import { useCallback, useId, useRef, useState } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import type { ReportReason, ReportTargetKind } from '../../contract/generated/types.gen';
import { isApiError } from '../../lib/api/client';
import { useCreateReport } from './api/createReport';
import styles from './Moderation.module.css';
import { REASON_LABELS, REPORT_REASONS } from './reasons';
import { useDialogFocus } from './useDialogFocus';

const TEXT_MAX = limits.moderation.reportText.max;

function failure(error: unknown): string {
  if (isApiError(error) && error.code === 'RATE_LIMITED') return 'You have sent many reports. Please try again later.';
  if (isApiError(error) && (error.code === 'VIDEO_NOT_FOUND' || error.code === 'NOT_FOUND'))
    return 'This is no longer available.';
  return 'The report could not be sent. Please try again.';
}

interface ReportDialogProps {
  targetKind: ReportTargetKind;
  targetId: string;
  onClose: () => void;
}

/**
 * "Report": a modal with the contract's reason list (radio buttons), optional details within
 * `moderation.reportText.max`, Send and Cancel. Focus is trapped inside and returns to the opener on close.
 */
export function ReportDialog({ targetKind, targetId, onClose }: ReportDialogProps) {
  const [reason, setReason] = useState<ReportReason | undefined>();
  const [text, setText] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const textId = useId();
  const report = useCreateReport();
  const close = useCallback(() => {
    onClose();
  }, [onClose]);
  useDialogFocus(panel, close);
  const what = targetKind === 'video' ? 'video' : 'comment';

  return (
    <div
      className={styles.backdrop}
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div ref={panel} className={styles.dialog} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>Report this {what}</h2>
        {report.isSuccess ? (
          <>
            <p className={styles.done} role="status">
              Thanks — the moderators will review this {what}.
            </p>
            <div className={styles.actions}>
              <button type="button" className="button button-primary" onClick={onClose}>
                Close
              </button>
            </div>
          </>
        ) : (
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              if (!reason) return;
              const details = text.trim();
              report.mutate({ targetKind, targetId, reason, ...(details ? { text: details } : {}) });
            }}
          >
            <fieldset className={styles.reasons}>
              <legend>What is wrong with it?</legend>
              {REPORT_REASONS.map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="reason"
                    value={value}
                    checked={reason === value}
                    onChange={() => {
                      setReason(value);
                    }}
                  />
                  {REASON_LABELS[value]}
                </label>
              ))}
            </fieldset>
            <label className={styles.field} htmlFor={textId}>
              Details (optional)
              <textarea
                id={textId}
                maxLength={TEXT_MAX}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                }}
              />
              <span className={styles.hint}>
                {text.length} / {TEXT_MAX}
              </span>
            </label>
            {report.isError && (
              <p className={styles.error} role="alert">
                {failure(report.error)}
              </p>
            )}
            <div className={styles.actions}>
              <button type="button" className="button button-ghost" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="button button-primary" disabled={!reason || report.isPending}>
                {report.isPending ? 'Sending…' : 'Send report'}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
