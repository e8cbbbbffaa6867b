package dev.kinora.search;

import dev.kinora.shared.model.VideoCard;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Search as DESIGN.md §5 describes it: the index finds and orders ids, VideosTable supplies the
 * cards (and drops anything not public and ready any more).
 */
public final class SearchService {
  private final Supplier<SearchIndex> index;
  private final CardSource cards;
  private final SearchLimits limits;
  private final int pageSize;
  private final Clock clock;

  public SearchService(
      Supplier<SearchIndex> index,
      CardSource cards,
      SearchLimits limits,
      int pageSize,
      Clock clock) {
    this.index = index;
    this.cards = cards;
    this.limits = limits;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  /** What the viewer asked for, already checked against the contract. */
  public record Request(
      String text,
      UploadDate uploadDate,
      DurationFilter duration,
      String category,
      SearchSort sort,
      String cursor) {}

  /** One page of results and the cursor of the next (null on the last page). */
  public record Page(List<VideoCard> cards, String nextCursor) {}

  /**
   * @throws SearchCursor.InvalidCursorException if the cursor is not one of this search
   */
  public Page search(Request request) {
    String fingerprint =
        SearchCursor.fingerprint(
            request.text(),
            request.uploadDate(),
            request.duration(),
            request.category(),
            request.sort());
    SearchCursor.Decoded cursor =
        request.cursor() == null ? null : SearchCursor.decode(request.cursor(), fingerprint);
    var query =
        new SearchQuery(
            request.text(),
            request.uploadDate(),
            request.duration(),
            request.category(),
            request.sort(),
            cursor == null ? clock.instant() : cursor.asOf(),
            cursor == null ? null : cursor.position(),
            pageSize);
    SearchHits hits = index.get().search(query);
    String next =
        hits.next() == null ? null : SearchCursor.encode(fingerprint, query.asOf(), hits.next());
    return new Page(cards.cards(hits.ids()), next);
  }

  /** Completions for the search box: at most {@code search.suggestions.max} titles. */
  public List<String> suggest(String prefix) {
    return index.get().suggest(prefix, limits.maxSuggestions());
  }
}
