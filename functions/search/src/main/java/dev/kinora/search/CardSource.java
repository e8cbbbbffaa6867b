package dev.kinora.search;

import dev.kinora.shared.model.VideoCard;
import java.util.List;

/**
 * Turns hits into the cards a listing shows, reading the videos afresh: anything no longer public
 * and ready is dropped here even if the index still holds it (the second guard).
 */
public interface CardSource {
  List<VideoCard> cards(List<String> videoIds);
}
