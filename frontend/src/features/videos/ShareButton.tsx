import { useEffect, useId, useRef, useState } from 'react';
import type { Video } from '../../contract/generated/types.gen';
import { formatClock } from '../../lib/format/time';
import styles from './ShareButton.module.css';

/** The link that opens this video, optionally at `startAt` seconds (`?t=`, which the watch page reads back). */
export function shareUrl(origin: string, videoId: string, startAt?: number): string {
  const url = `${origin}/watch/${encodeURIComponent(videoId)}`;
  return startAt && startAt > 0 ? `${url}?t=${String(Math.floor(startAt))}` : url;
}

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * "Share": a small dialog with the video's link, a "Start at" choice taken from where the player is, and Copy.
 * Escape or a click outside closes it and the focus returns to the button. A private video says the link works for
 * its owner only — sharing never widens who may watch.
 */
export function ShareButton({ video, currentTime }: { video: Video; currentTime: () => number }) {
  const [open, setOpen] = useState(false);
  const [startAt, setStartAt] = useState(0);
  const [withStart, setWithStart] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const url = shareUrl(window.location.origin, video.id, withStart ? startAt : undefined);

  useEffect(() => {
    if (!open) return undefined;
    inputRef.current?.focus();
    inputRef.current?.select();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (target instanceof Node && !panelRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard permission (or an insecure origin): the link is selected for Ctrl+C instead.
      inputRef.current?.select();
      setCopy('manual');
    }
  };

  return (
    <div className={styles.share}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-ghost"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          if (open) {
            setOpen(false);
            return;
          }
          setStartAt(Math.floor(currentTime()));
          setCopy('idle');
          setOpen(true);
        }}
      >
        Share
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className={styles.panel} role="dialog" aria-label="Share this video">
          <label className={styles.field}>
            <span>Link</span>
            <input
              ref={inputRef}
              type="text"
              readOnly
              value={url}
              onFocus={(event) => {
                event.target.select();
              }}
            />
          </label>
          {startAt > 0 && (
            <label className={styles.start}>
              <input
                type="checkbox"
                checked={withStart}
                onChange={(event) => {
                  setWithStart(event.target.checked);
                  setCopy('idle');
                }}
              />
              Start at {formatClock(startAt)}
            </label>
          )}
          {video.visibility === 'private' && (
            <p className={styles.note}>This video is private: the link works for you only.</p>
          )}
          <div className={styles.actions}>
            <button type="button" className="button button-primary" onClick={() => void copyLink()}>
              Copy link
            </button>
            <span role="status" className={styles.status}>
              {copy === 'copied' ? 'Link copied' : copy === 'manual' ? 'Press Ctrl+C to copy the selected link' : ''}
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
