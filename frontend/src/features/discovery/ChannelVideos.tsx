import { useState } from 'react';
import type { ChannelVideoSort } from '../../contract/generated/types.gen';
import { useChannelVideos } from './api/listChannelVideos';
import chips from './Chips.module.css';
import styles from './HomePage.module.css';
import { VideoGrid } from './VideoGrid';

const TABS: { sort: ChannelVideoSort; label: string }[] = [
  { sort: 'latest', label: 'Latest' },
  { sort: 'popular', label: 'Popular' },
];

/** A channel page's videos: Latest / Popular tabs over the shared grid. */
export function ChannelVideos({ channelId, channelName }: { channelId: string; channelName: string }) {
  const [sort, setSort] = useState<ChannelVideoSort>('latest');
  const videos = useChannelVideos(channelId, sort);
  const panelId = `channel-videos-${sort}`;
  return (
    <section aria-label={`Videos of ${channelName}`}>
      <div role="tablist" aria-label="Order" className={chips.row}>
        {TABS.map((tab) => (
          <button
            key={tab.sort}
            type="button"
            role="tab"
            className={chips.chip}
            aria-selected={sort === tab.sort}
            aria-controls={panelId}
            onClick={() => {
              setSort(tab.sort);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId}>
        <VideoGrid
          query={videos}
          label={`${sort === 'latest' ? 'Latest' : 'Popular'} videos of ${channelName}`}
          empty={
            <div className={styles.empty}>
              <p className={styles.emptyText}>This channel has no public videos yet.</p>
            </div>
          }
        />
      </div>
    </section>
  );
}
