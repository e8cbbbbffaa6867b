import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../accounts/api/getMe';
import { useHomeFeed } from './api/getHomeFeed';
import styles from './HomePage.module.css';
import { VideoGrid } from './VideoGrid';

/** / — the home feed: personal for a signed-in viewer (subscriptions first), trending for everyone else. */
export function HomePage() {
  useDocumentTitle(undefined);
  const feed = useHomeFeed();
  const me = useMe();
  const heading = me.data ? 'Recommended for you' : 'Trending now';

  return (
    <section aria-labelledby="home-heading">
      <h1 id="home-heading" className={styles.heading}>
        {heading}
      </h1>
      <VideoGrid
        query={feed}
        label={heading}
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
