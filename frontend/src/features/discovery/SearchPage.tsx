import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSearchVideos } from './api/searchVideos';
import styles from './SearchPage.module.css';
import {
  durationOptions,
  readSearchState,
  searchParamsOf,
  sortOptions,
  uploadDateOptions,
  type SearchState,
} from './searchParams';
import { VideoGrid } from './VideoGrid';

interface ChipOption<Value extends string> {
  value: Value;
  label: string;
}

/** One row of filter chips: "Any" plus the options; the chosen one is pressed. */
function ChipGroup<Value extends string>({
  label,
  options,
  selected,
  onSelect,
}: {
  label: string;
  options: readonly ChipOption<Value>[];
  selected: Value | undefined;
  onSelect: (value: Value | undefined) => void;
}) {
  return (
    <div role="group" aria-label={label} className={styles.chips}>
      <span className={styles.chipsLabel} aria-hidden="true">
        {label}
      </span>
      <button
        type="button"
        className={styles.chip}
        aria-pressed={selected === undefined}
        onClick={() => {
          onSelect(undefined);
        }}
      >
        Any
      </button>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className={styles.chip}
          aria-pressed={selected === option.value}
          onClick={() => {
            onSelect(option.value);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** The categories worth offering: those of the results shown, plus the one chosen. */
function categoriesOf(state: SearchState, found: readonly string[]): ChipOption<string>[] {
  const byKey = new Map<string, string>();
  if (state.category) byKey.set(state.category.toLowerCase(), state.category);
  for (const category of found) {
    if (!byKey.has(category.toLowerCase())) byKey.set(category.toLowerCase(), category);
  }
  return [...byKey.values()].map((category) => ({ value: category, label: category }));
}

/** `/search?q=…`: filter chips, a sort menu and the results; everything lives in the URL. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params);
  const results = useSearchVideos(state);
  const sortId = useId();
  useDocumentTitle(state.q ? `${state.q} – search` : 'Search');

  function update(change: Partial<SearchState>) {
    // An undefined filter ("Any") simply leaves the URL: searchParamsOf writes only the values set.
    setParams(searchParamsOf({ ...state, ...change }));
  }

  if (state.q === '') {
    return (
      <section aria-labelledby="search-heading" className={styles.page}>
        <h1 id="search-heading" className={styles.heading}>
          Search
        </h1>
        <p className={styles.hint}>Type what you are looking for in the search box above.</p>
      </section>
    );
  }

  const found = results.data?.pages.flatMap((page) => page.data.flatMap((card) => card.video.categories)) ?? [];
  const categories = categoriesOf(state, found);

  return (
    <section aria-labelledby="search-heading" className={styles.page}>
      <div className={styles.top}>
        <h1 id="search-heading" className={styles.heading}>
          Results for “{state.q}”
        </h1>
        <div className={styles.sort}>
          <label htmlFor={sortId}>Sort by</label>
          <select
            id={sortId}
            className={styles.select}
            value={state.sort}
            onChange={(event) => {
              const sort = sortOptions.find((option) => option.value === event.target.value);
              if (sort) update({ sort: sort.value });
            }}
          >
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={styles.filters}>
        <ChipGroup
          label="Upload date"
          options={uploadDateOptions}
          selected={state.uploadDate}
          onSelect={(uploadDate) => {
            update({ uploadDate });
          }}
        />
        <ChipGroup
          label="Duration"
          options={durationOptions}
          selected={state.duration}
          onSelect={(duration) => {
            update({ duration });
          }}
        />
        {categories.length > 0 ? (
          <ChipGroup
            label="Category"
            options={categories}
            selected={state.category}
            onSelect={(category) => {
              update({ category });
            }}
          />
        ) : null}
      </div>
      <VideoGrid
        query={results}
        label={`Results for ${state.q}`}
        empty={
          <div className={styles.empty}>
            <p className={styles.emptyText}>No videos match “{state.q}”</p>
            <p className={styles.hint}>Try other words, or fewer filters.</p>
          </div>
        }
      />
    </section>
  );
}
