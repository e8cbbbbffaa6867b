package dev.kinora.search;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single writer of the search index: applies a batch of VideosTable changes and publishes the
 * result as a new generation. Public + ready rows are upserted; a row that stopped being listable
 * (made private or unlisted, deleted, failed, blocked) is removed. A batch that changes nothing the
 * index holds (most stream records are counter updates) publishes nothing.
 *
 * <p>Counters lag on purpose: a view or like changes the row but not what the video is found by, so
 * {@code viewCount} is reindexed only when it moved by {@code search.index.viewCountStepFactor}
 * (×1.5) since it was indexed. Sorting by views therefore orders by a count at most that factor
 * behind; the cards themselves show the table's fresh counts.
 *
 * <p>The index stays in memory between batches of a warm container and is reloaded from the
 * manifest's generation when the container is new, when another writer published (a rebuild), or
 * after a failed batch (the stream retries that batch; upserts and deletes are idempotent).
 */
public final class IndexerService {
  private final IndexGenerations generations;
  private final SearchLimits limits;
  private LuceneSearchIndex index;
  private long generation;

  public IndexerService(IndexGenerations generations, SearchLimits limits) {
    this.generations = generations;
    this.limits = limits;
  }

  /** What a batch did. */
  public record Outcome(int upserted, int deleted, Optional<IndexManifest> published) {}

  public synchronized Outcome apply(List<VideoChange> changes) {
    try {
      LuceneSearchIndex current = current();
      // The stream keeps a row's records in order; only the last state of each row matters.
      Map<String, VideoChange> latest = new LinkedHashMap<>();
      for (VideoChange change : changes) {
        latest.merge(
            change.videoId(),
            change,
            (first, later) -> new VideoChange(first.videoId(), first.oldImage(), later.newImage()));
      }
      var upserts = new ArrayList<SearchDocument>();
      var deletes = new ArrayList<String>();
      for (VideoChange change : latest.values()) {
        long indexedViews = current.indexedViewCount(change.videoId());
        boolean indexed = indexedViews >= 0;
        if (!IndexedRows.isListable(change.newImage())) {
          if (indexed) {
            deletes.add(change.videoId());
          }
        } else if (!indexed || changesWhatIsFound(change) || viewsMoved(indexedViews, change)) {
          upserts.add(IndexedRows.toDocument(change.newImage()));
        }
      }
      if (upserts.isEmpty() && deletes.isEmpty()) {
        return new Outcome(0, 0, Optional.empty());
      }
      current.upsert(upserts);
      current.delete(deletes);
      IndexManifest manifest = publish(current);
      return new Outcome(upserts.size(), deletes.size(), Optional.of(manifest));
    } catch (RuntimeException e) {
      // The in-memory index may be ahead of what was published: start again from the manifest.
      index = null;
      throw e;
    }
  }

  /** Replaces the whole index with these rows (a rebuild, or the benchmark). */
  public synchronized IndexManifest rebuild(List<SearchDocument> documents) {
    current();
    LuceneSearchIndex fresh = LuceneSearchIndex.empty(limits);
    fresh.upsert(documents);
    index = fresh;
    return publish(fresh);
  }

  private IndexManifest publish(LuceneSearchIndex current) {
    var snapshot = new ByteArrayOutputStream();
    current.writeSnapshot(snapshot);
    long next = generation + 1;
    IndexManifest manifest = generations.publish(next, snapshot.toByteArray(), current.size());
    generation = next;
    long expired = next - limits.retainedGenerations();
    if (expired > 0) {
      generations.discard(expired);
    }
    return manifest;
  }

  private LuceneSearchIndex current() {
    Optional<IndexManifest> manifest = generations.manifest();
    long published = manifest.map(IndexManifest::generation).orElse(0L);
    if (index == null || published != generation) {
      index =
          manifest
              .map(m -> LuceneSearchIndex.fromSnapshot(generations.open(m), limits))
              .orElseGet(() -> LuceneSearchIndex.empty(limits));
      generation = published;
    }
    return index;
  }

  private static boolean changesWhatIsFound(VideoChange change) {
    if (!IndexedRows.isListable(change.oldImage())) {
      return true;
    }
    return !IndexedRows.withoutCounters(IndexedRows.toDocument(change.oldImage()))
        .equals(IndexedRows.withoutCounters(IndexedRows.toDocument(change.newImage())));
  }

  private boolean viewsMoved(long indexedViews, VideoChange change) {
    long views = IndexedRows.toDocument(change.newImage()).viewCount();
    return step(views) != step(indexedViews);
  }

  /** Which ×factor step a count is on: 0 for 0, then 1, 2, … growing geometrically. */
  private long step(long count) {
    return (long) Math.floor(Math.log1p(count) / Math.log(limits.viewCountStepFactor()));
  }
}
