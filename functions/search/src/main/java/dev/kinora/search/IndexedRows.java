package dev.kinora.search;

import dev.kinora.shared.listing.VideoItems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the indexer reads of a VideosTable row (docs/data-model.md). */
final class IndexedRows {
  private IndexedRows() {}

  /** Public and ready: the only rows search may ever show. */
  static boolean isListable(Map<String, AttributeValue> item) {
    return VideoItems.isListable(item);
  }

  /** The index document of a listable row; viewCount as the row has it now. */
  static SearchDocument toDocument(Map<String, AttributeValue> item) {
    String published =
        Objects.requireNonNullElse(text(item, "publishedAt"), text(item, "createdAt"));
    return new SearchDocument(
        text(item, "id"),
        Objects.requireNonNullElse(text(item, "title"), ""),
        text(item, "description"),
        strings(item, "tags"),
        strings(item, "categories"),
        number(item, "durationSeconds"),
        published == null ? Instant.EPOCH : Instant.parse(published),
        (long) number(item, "viewCount"));
  }

  /** The document without the counter that may lag: whether a reindex changes what is found. */
  static SearchDocument withoutCounters(SearchDocument document) {
    return new SearchDocument(
        document.id(),
        document.title(),
        document.description(),
        document.tags(),
        document.categories(),
        document.durationSeconds(),
        document.publishedAt(),
        0);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static double number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
  }

  private static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      return List.of();
    }
    if (value.hasL()) {
      return value.l().stream().map(AttributeValue::s).filter(Objects::nonNull).toList();
    }
    return value.hasSs() ? value.ss() : List.of();
  }
}
