package dev.kinora.search;

import java.util.List;

/**
 * One page of matching video ids, best first, and where the next page starts (null when this is the
 * last page).
 */
public record SearchHits(List<String> ids, SearchCursor.Position next) {
  public SearchHits {
    ids = List.copyOf(ids);
  }
}
