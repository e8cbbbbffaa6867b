package dev.kinora.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads the trending lists the job wrote: one {@code GetItem} per page plus the cards' batch reads.
 * Paging is an offset into the stored list, so a page is cheap whatever its position.
 */
final class TrendingService {
  private final TrendingStore store;
  private final Cards cards;

  TrendingService(TrendingStore store, Cards cards) {
    this.store = store;
    this.cards = cards;
  }

  /**
   * @param category null for the overall list
   */
  Page trending(String category, String cursor, int limit) {
    Facet facet = category == null ? Facet.ALL : Facet.category(category);
    String listName = "trending:" + facet.key();
    int offset = cursor == null ? 0 : Cursor.offset(Cursor.decode(cursor, listName));
    return slice(store.list(facet).videoIds(), offset, limit, listName, Cursor.position(), cards);
  }

  /** The categories with a trending list, most trending first. */
  List<String> categories() {
    return store.facets().categories();
  }

  /** The page of {@code ids} at {@code offset}, as cards, with the cursor of the next one. */
  static Page slice(
      List<String> ids, int offset, int limit, String listName, ObjectNode base, Cards cards) {
    if (offset >= ids.size()) {
      return Page.of(List.of());
    }
    int end = Math.min(ids.size(), offset + limit);
    String next = null;
    if (end < ids.size()) {
      ObjectNode position = base.deepCopy();
      position.put("o", end);
      next = Cursor.encode(listName, position);
    }
    return new Page(cards.byIds(ids.subList(offset, end)), next);
  }
}
