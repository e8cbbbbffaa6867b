package dev.kinora.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds of one public, ready video: the text it is found by, the facts it is
 * filtered and sorted by. Cards are built from VideosTable at read time, so nothing else is kept.
 *
 * @param viewCount as of the last reindex of this video; lags the table (see the module README)
 */
public record SearchDocument(
    String id,
    String title,
    String description,
    List<String> tags,
    List<String> categories,
    double durationSeconds,
    Instant publishedAt,
    long viewCount) {

  public SearchDocument {
    description = description == null ? "" : description;
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
  }
}
