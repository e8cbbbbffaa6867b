import { useCallback, useState } from 'react';
import type { ReportTargetKind } from '../../contract/generated/types.gen';
import { ReportDialog } from './ReportDialog';

interface ReportButtonProps {
  targetKind: ReportTargetKind;
  targetId: string;
  /** The button's class (the watch page's ghost button, a comment's text link). */
  className?: string;
  /** Accessible name when several Report buttons share a page (each comment has one). */
  label?: string;
}

/** "Report" and its dialog; render it for signed-in users only (the API needs a session). */
export function ReportButton({ targetKind, targetId, className = 'button button-ghost', label }: ReportButtonProps) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    setOpen(false);
  }, []);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-haspopup="dialog"
        aria-label={label}
        onClick={() => {
          setOpen(true);
        }}
      >
        Report
      </button>
      {open && <ReportDialog targetKind={targetKind} targetId={targetId} onClose={close} />}
    </>
  );
}
