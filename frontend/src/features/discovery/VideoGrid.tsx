import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { VideoCardListResponse } from '../../contract/generated/types.gen';
import { VideoCard } from './VideoCard';
import styles from './VideoGrid.module.css';

export type VideoListQuery = UseInfiniteQueryResult<InfiniteData<VideoCardListResponse>>;

/**
 * Every listing's grid (home, search, trending, channel, subscriptions): loading placeholders, an error with a retry,
 * the caller's empty state, and infinite scroll — the next page loads when the end of the list scrolls into view,
 * and a "Load more" button does the same for keyboards and browsers without IntersectionObserver.
 */
export function VideoGrid({ query, label, empty }: { query: VideoListQuery; label: string; empty: ReactNode }) {
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '400px' },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (isPending) {
    return (
      <ul className={styles.grid} aria-label={label} aria-busy="true">
        {Array.from({ length: 8 }, (_, index) => (
          <li key={index} className={styles.placeholder} aria-hidden="true" />
        ))}
      </ul>
    );
  }
  if (!data) {
    return (
      <div className={styles.error} role="alert">
        <p>{error.message}</p>
        <button type="button" className="button" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const cards = data.pages.flatMap((page) => page.data);
  if (cards.length === 0) return <>{empty}</>;
  const now = new Date();
  return (
    <>
      <ul className={styles.grid} aria-label={label}>
        {cards.map((card) => (
          <li key={card.video.id}>
            <VideoCard card={card} now={now} />
          </li>
        ))}
      </ul>
      <div ref={sentinel} className={styles.more}>
        {error ? (
          <p role="alert">
            {error.message}{' '}
            <button type="button" className="button" onClick={() => void fetchNextPage()}>
              Try again
            </button>
          </p>
        ) : hasNextPage ? (
          <button type="button" className="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </>
  );
}
