package dev.kinora.search;

import java.time.Instant;
import java.util.Optional;

/**
 * One page request against the index.
 *
 * @param text what the viewer typed (checked against the contract already)
 * @param uploadDate, duration, category optional filters (null = any)
 * @param asOf the instant the upload-date window is measured from; a cursor carries the first
 *     page's, so the pages of one search agree on the window
 * @param after where the previous page ended, or null for the first page
 * @param limit page size
 */
public record SearchQuery(
    String text,
    UploadDate uploadDate,
    DurationFilter duration,
    String category,
    SearchSort sort,
    Instant asOf,
    SearchCursor.Position after,
    int limit) {

  public Optional<UploadDate> uploadDateFilter() {
    return Optional.ofNullable(uploadDate);
  }

  public Optional<DurationFilter> durationFilter() {
    return Optional.ofNullable(duration);
  }

  public Optional<String> categoryFilter() {
    return Optional.ofNullable(category);
  }
}
