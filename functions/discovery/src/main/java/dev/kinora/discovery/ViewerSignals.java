package dev.kinora.discovery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Port: what a signed-in viewer follows and watched, the personal half of the home feed. */
interface ViewerSignals {

  /** A video the viewer watched, and how much of it (0–100). */
  record Watched(String videoId, double percentage) {}

  /** Channel ids the viewer subscribes to, at most {@code max}. */
  List<String> subscribedChannels(String userId, int max);

  /** The viewer's most recently watched videos, most recent first, at most {@code max}. */
  List<Watched> recentlyWatched(String userId, int max);

  /** How much of each of these videos the viewer watched (absent: never). */
  Map<String, Double> watchedPercentages(String userId, Collection<String> videoIds);
}
