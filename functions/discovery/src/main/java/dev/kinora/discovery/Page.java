package dev.kinora.discovery;

import dev.kinora.shared.model.VideoCard;
import java.util.List;

/** One page of cards; {@code nextCursor} is null on the last page. */
record Page(List<VideoCard> cards, String nextCursor) {
  Page {
    cards = List.copyOf(cards);
  }

  static Page of(List<VideoCard> cards) {
    return new Page(cards, null);
  }
}
