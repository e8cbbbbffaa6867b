package dev.kinora.engagement;

import dev.kinora.shared.model.VideoCard;
import java.time.Instant;
import java.util.List;

/** Port: listable videos (public and ready, the only ones any listing or notification shows). */
public interface VideoCatalog {

  /** The listable ones among {@code videoIds}, order kept; the others are dropped. */
  List<VideoCard> cards(List<String> videoIds);

  /**
   * A channel's newest listable videos created before {@code before} (exclusive; null = from the
   * newest), at most {@code limit}, newest first.
   */
  List<VideoCard> newest(String channelId, Position before, int limit);

  /** Where a video sits in a newest-first list: its createdAt, then its id. */
  record Position(Instant createdAt, String videoId) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
      int byTime = createdAt.compareTo(other.createdAt);
      return byTime != 0 ? byTime : videoId.compareTo(other.videoId);
    }
  }
}
