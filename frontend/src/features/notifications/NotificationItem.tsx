import { Link } from 'react-router';
import type { Notification } from '../../contract/generated/types.gen';
import { formatAge } from '../../lib/format/time';
import styles from './Notifications.module.css';

/** One notification: the channel's avatar, what happened, how long ago, the poster; opening it marks it read. */
export function NotificationItem({
  notification,
  now,
  onOpen,
}: {
  notification: Notification;
  now: Date;
  onOpen: (id: string) => void;
}) {
  const { channel, video } = notification;
  return (
    <Link
      to={`/watch/${video.id}`}
      className={`${styles.item ?? ''} ${notification.read ? '' : (styles.unread ?? '')}`}
      onClick={() => {
        if (!notification.read) onOpen(notification.id);
      }}
    >
      {channel.avatarUrl ? (
        <img className={styles.avatar} src={channel.avatarUrl} alt="" />
      ) : (
        <span className={styles.avatar} aria-hidden="true">
          {channel.name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className={styles.text}>
        <span>
          <strong>{channel.name}</strong> uploaded: {video.title}
        </span>
        <span className={styles.age}>
          {formatAge(notification.createdAt, now)}
          {notification.read ? '' : ' · unread'}
        </span>
      </span>
      {video.thumbnailUrl && <img className={styles.poster} src={video.thumbnailUrl} alt="" />}
    </Link>
  );
}
