import { useEffect, useState } from 'react';
import type { Rating, RatingValue } from '../../contract/generated/types.gen';
import { isApiError, isSignedOutError } from '../../lib/api/client';
import { useRateVideo, useRating } from './api/rateVideo';
import styles from './RatingButtons.module.css';

/** How long the failure toast stays up. */
const TOAST_MS = 4000;

function failureMessage(error: unknown): string {
  if (isSignedOutError(error)) return 'Sign in to rate videos.';
  if (isApiError(error) && error.code === 'RATE_LIMITED') return 'You are rating too fast; try again in a moment.';
  return 'Your rating could not be saved; it has been put back.';
}

/** A thumb icon drawn inline (no icon font or emoji font needed); decorative, the label says what it is. */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      style={down ? { transform: 'rotate(180deg)' } : undefined}
    >
      <path d="M7 10v11H3V10h4zM7 10l4-8c1.7 0 3 1.3 3 3v4h5.5c1.2 0 2.1 1.1 1.9 2.3l-1.4 8A2 2 0 0 1 18 21H7" />
    </svg>
  );
}

interface RatingButtonsProps {
  /** The video's counts and the caller's rating as the watch page loaded them. */
  initial: Rating;
  /** Signed-out viewers see the counts; clicking tells them to sign in. */
  signedIn: boolean;
}

/** Like / dislike toggles: the count changes at once, and a failed save rolls back with a toast. */
export function RatingButtons({ initial, signedIn }: RatingButtonsProps) {
  const { data: rating } = useRating(initial);
  const [toast, setToast] = useState<string | undefined>();
  const rate = useRateVideo(initial.videoId, (error) => {
    setToast(failureMessage(error));
  });

  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(() => {
      setToast(undefined);
    }, TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [toast]);

  const click = (value: Exclude<RatingValue, 'none'>) => {
    if (!signedIn) {
      setToast('Sign in to rate videos.');
      return;
    }
    rate.mutate(rating.value === value ? 'none' : value);
  };

  return (
    <div className={styles.rating} role="group" aria-label="Rate this video">
      <button
        type="button"
        className={styles.button}
        aria-pressed={rating.value === 'like'}
        aria-label={`Like ${rating.likeCount}`}
        onClick={() => {
          click('like');
        }}
      >
        <Thumb />
        <span>{rating.likeCount}</span>
      </button>
      <button
        type="button"
        className={styles.button}
        aria-pressed={rating.value === 'dislike'}
        aria-label={`Dislike ${rating.dislikeCount}`}
        onClick={() => {
          click('dislike');
        }}
      >
        <Thumb down />
        <span>{rating.dislikeCount}</span>
      </button>
      {toast && (
        <div className={styles.toast} role="alert">
          {toast}
        </div>
      )}
    </div>
  );
}
