package dev.kinora.search;

import dev.kinora.shared.contract.Contract;
import java.time.Instant;
import java.util.List;

/** Test documents and the limits of the repository's limits.json. */
final class Docs {
  static final SearchLimits LIMITS = SearchLimits.from(Contract.load());
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private Docs() {}

  static SearchDocument doc(String id, String title) {
    return new SearchDocument(
        id, title, "", List.of(), List.of(), 100, NOW.minusSeconds(86_400 * 3), 0);
  }

  static SearchDocument doc(
      String id,
      String title,
      String description,
      List<String> tags,
      List<String> categories,
      double durationSeconds,
      Instant publishedAt,
      long views) {
    return new SearchDocument(
        id, title, description, tags, categories, durationSeconds, publishedAt, views);
  }

  static SearchQuery query(String text) {
    return query(text, SearchSort.RELEVANCE, null);
  }

  static SearchQuery query(String text, SearchSort sort, SearchCursor.Position after) {
    return new SearchQuery(text, null, null, null, sort, NOW, after, 20);
  }
}
