import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useHomeFeed } from './api/getHomeFeed';
import styles from './HomePage.module.css';
import { VideoGrid } from './VideoGrid';

export function HomePage() {
  useDocumentTitle(undefined);
  const feed = useHomeFeed();

  return (
    <section aria-labelledby="home-heading">
      <h1 id="home-heading" className={styles.heading}>
        Latest videos
      </h1>
      <VideoGrid
        query={feed}
        label="Latest videos"
        empty={
          <div className={styles.empty}>
            <svg className={styles.emptyIcon} viewBox="0 0 48 48" aria-hidden="true">
              <rect x="4" y="10" width="40" height="28" rx="6" />
              <path d="M20 18v12l10-6z" />
            </svg>
            <p className={styles.emptyText}>No videos yet — be the first to upload</p>
            <Link className="button button-primary" to="/upload">
              Upload a video
            </Link>
          </div>
        }
      />
    </section>
  );
}
