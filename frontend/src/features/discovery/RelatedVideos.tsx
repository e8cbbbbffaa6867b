import { useRelatedVideos } from './api/listRelatedVideos';
import styles from './RelatedVideos.module.css';
import { VideoGrid } from './VideoGrid';

/** The watch page's "Up next" column: same channel, shared tags and categories, trending. */
export function RelatedVideos({ videoId }: { videoId: string }) {
  const related = useRelatedVideos(videoId);
  return (
    <aside className={styles.related} aria-labelledby="related-heading">
      <h2 id="related-heading" className={styles.heading}>
        Up next
      </h2>
      <VideoGrid query={related} label="Related videos" empty={<p className={styles.empty}>Nothing related yet.</p>} />
    </aside>
  );
}
