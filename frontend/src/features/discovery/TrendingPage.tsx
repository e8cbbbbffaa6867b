import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useTrending, useTrendingCategories } from './api/getTrending';
import chips from './Chips.module.css';
import styles from './HomePage.module.css';
import { VideoGrid } from './VideoGrid';

/** /trending — what is being watched now, overall or per category (`?category=`), one chip per category. */
export function TrendingPage() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? undefined;
  useDocumentTitle(category ? `Trending: ${category}` : 'Trending');
  const categories = useTrendingCategories();
  const trending = useTrending(category);
  const names = categories.data ?? [];
  // a category from a shared link stays selectable even when it has dropped out of the chips
  const shown = category && !names.includes(category) ? [category, ...names] : names;

  const choose = (next: string | undefined) => {
    setParams(next ? { category: next } : {});
  };

  return (
    <section aria-labelledby="trending-heading">
      <h1 id="trending-heading" className={styles.heading}>
        Trending
      </h1>
      <ul className={chips.row} aria-label="Categories">
        <li>
          <button
            type="button"
            className={chips.chip}
            aria-pressed={!category}
            onClick={() => {
              choose(undefined);
            }}
          >
            All
          </button>
        </li>
        {shown.map((name) => (
          <li key={name}>
            <button
              type="button"
              className={chips.chip}
              aria-pressed={category === name}
              onClick={() => {
                choose(name);
              }}
            >
              {name}
            </button>
          </li>
        ))}
      </ul>
      <VideoGrid
        query={trending}
        label={category ? `Trending in ${category}` : 'Trending videos'}
        empty={
          <div className={styles.empty}>
            <p className={styles.emptyText}>
              {category
                ? `Nothing is trending in ${category} right now.`
                : 'Nothing is trending yet — check back soon.'}
            </p>
          </div>
        }
      />
    </section>
  );
}
