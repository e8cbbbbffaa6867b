package dev.kinora.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The search function's copy of the index: loaded from the manifest's generation on the first
 * search of a container (not in the constructor: a request refused by validation never needs it,
 * and a SnapStart snapshot would only hold a stale copy), and swapped for a newer generation when
 * the manifest changed, which it checks at most every {@code search.refreshIntervalSeconds} (one
 * small GET). Searches between checks use the copy in memory, so an indexed change is searchable
 * within that interval plus the indexer's batching window.
 */
public final class PublishedIndex implements Supplier<SearchIndex> {
  private final IndexGenerations generations;
  private final SearchLimits limits;
  private final Clock clock;
  private volatile Loaded loaded;
  private volatile Instant checkedAt;

  private record Loaded(long generation, LuceneSearchIndex index) {}

  public PublishedIndex(IndexGenerations generations, SearchLimits limits, Clock clock) {
    this.generations = generations;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public SearchIndex get() {
    if (isDue()) {
      synchronized (this) {
        if (isDue()) {
          refresh();
        }
      }
    }
    return loaded.index();
  }

  /** The generation in use (0: nothing published yet). */
  public long generation() {
    Loaded current = loaded;
    return current == null ? 0 : current.generation();
  }

  private boolean isDue() {
    return checkedAt == null || !clock.instant().isBefore(checkedAt.plus(limits.refreshInterval()));
  }

  private void refresh() {
    Optional<IndexManifest> manifest = generations.manifest();
    long published = manifest.map(IndexManifest::generation).orElse(0L);
    Loaded current = loaded;
    if (current == null || current.generation() != published) {
      LuceneSearchIndex index =
          manifest
              .map(m -> LuceneSearchIndex.fromSnapshot(generations.open(m), limits))
              .orElseGet(() -> LuceneSearchIndex.empty(limits));
      // The previous copy is left to the garbage collector: a search may still be reading it.
      loaded = new Loaded(published, index);
    }
    checkedAt = clock.instant();
  }
}
