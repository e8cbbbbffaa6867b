import { Link } from 'react-router';
import type { VideoCard as Listing } from '../../contract/generated/types.gen';
import { formatAge, formatClock } from '../../lib/format/time';
import { ChannelAvatar } from '../accounts/ChannelAvatar';
import styles from './VideoCard.module.css';

const views = new Intl.NumberFormat('en', { notation: 'compact' });

/**
 * One video in a listing: poster with its duration, title, channel, views and age. The whole poster and title are
 * one link to the watch page; the channel is its own link, so keyboard users reach both.
 */
export function VideoCard({ card, now }: { card: Listing; now?: Date }) {
  const { video, channel } = card;
  const watch = `/watch/${encodeURIComponent(video.id)}`;
  const published = video.publishedAt ?? video.createdAt;
  return (
    <article className={styles.card}>
      <Link className={styles.thumbnail} to={watch} tabIndex={-1} aria-hidden="true">
        {video.thumbnailUrl ? <img src={video.thumbnailUrl} alt="" loading="lazy" /> : null}
        {video.durationSeconds === undefined ? null : (
          <span className={styles.duration}>{formatClock(video.durationSeconds)}</span>
        )}
      </Link>
      <div className={styles.body}>
        <Link className={styles.avatar} to={`/c/${encodeURIComponent(channel.handle)}`} aria-label={channel.name}>
          <ChannelAvatar name={channel.name} handle={channel.handle} avatarUrl={channel.avatarUrl} />
        </Link>
        <div className={styles.text}>
          <h3 className={styles.title}>
            <Link to={watch}>{video.title}</Link>
          </h3>
          <p className={styles.meta}>
            <Link to={`/c/${encodeURIComponent(channel.handle)}`}>{channel.name}</Link>
          </p>
          <p className={styles.meta}>
            {views.format(video.viewCount)} {video.viewCount === 1 ? 'view' : 'views'} ·{' '}
            <time dateTime={published}>{formatAge(published, now)}</time>
          </p>
        </div>
      </div>
    </article>
  );
}
