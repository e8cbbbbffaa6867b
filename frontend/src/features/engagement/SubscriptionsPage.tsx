import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { VideoGrid } from '../discovery/VideoGrid';
import { useMySubscriptions, useSubscriptionVideos } from './api/listSubscriptions';
import styles from './SubscriptionsPage.module.css';

/** /subscriptions — the channels the caller subscribes to, then their latest public uploads (the shared grid). */
export function SubscriptionsPage() {
  useDocumentTitle('Subscriptions');
  const channels = useMySubscriptions();
  const videos = useSubscriptionVideos();
  const subscribed = (channels.data?.pages ?? []).flatMap((page) => page.data);
  return (
    <section aria-labelledby="subscriptions-heading" className={styles.page}>
      <h1 id="subscriptions-heading">Subscriptions</h1>
      {channels.isError ? (
        <p role="alert">{channels.error.message}</p>
      ) : subscribed.length > 0 ? (
        <ul className={styles.channels} aria-label="Channels you subscribe to">
          {subscribed.map(({ channel, notify }) => (
            <li key={channel.id}>
              <Link to={`/c/${channel.handle}`} className={styles.channel}>
                {channel.avatarUrl ? (
                  <img className={styles.avatar} src={channel.avatarUrl} alt="" />
                ) : (
                  <span className={styles.avatar} aria-hidden="true">
                    {channel.name.slice(0, 1).toUpperCase()}
                  </span>
                )}
                <span className={styles.name}>{channel.name}</span>
                <span className={styles.notify}>
                  {notify === 'all' ? 'All uploads' : notify === 'none' ? 'No notifications' : 'Personalized'}
                </span>
              </Link>
            </li>
          ))}
          {channels.hasNextPage && (
            <li>
              <button type="button" className="button" onClick={() => void channels.fetchNextPage()}>
                More channels
              </button>
            </li>
          )}
        </ul>
      ) : null}
      <h2 className={styles.latest}>Latest uploads</h2>
      <VideoGrid
        query={videos}
        label="Latest uploads of your subscriptions"
        empty={
          <p className={styles.empty}>
            {subscribed.length === 0
              ? 'You do not subscribe to any channel yet. Subscribe on a video or channel page and their uploads appear here.'
              : 'No public uploads from your channels yet.'}
          </p>
        }
      />
    </section>
  );
}
