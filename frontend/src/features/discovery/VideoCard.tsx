import type { Video } from '../../contract/generated/types.gen';
import styles from './VideoCard.module.css';

const views = new Intl.NumberFormat(undefined, { notation: 'compact' });

export function VideoCard({ video }: { video: Video }) {
  return (
    <article className={styles.card}>
      <div className={styles.thumbnail}>
        {video.thumbnailUrl ? <img src={video.thumbnailUrl} alt="" loading="lazy" /> : null}
      </div>
      <h2 className={styles.title}>{video.title}</h2>
      <p className={styles.meta}>{views.format(video.viewCount)} views</p>
    </article>
  );
}
