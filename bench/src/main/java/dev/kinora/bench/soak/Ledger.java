package dev.kinora.bench.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The actions the API acknowledged, per video: each user's last acknowledged rating (a user's
 * requests are sequential, so the last 2xx is the state the server holds), comments created, views
 * the API said it counted. What the counters must show afterwards.
 */
final class Ledger {
  private final Map<String, Map<String, String>> ratings = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> comments = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> views = new ConcurrentHashMap<>();

  void rated(String video, String user, String value) {
    ratings.computeIfAbsent(video, v -> new ConcurrentHashMap<>()).put(user, value);
  }

  void commented(String video) {
    comments.computeIfAbsent(video, v -> new AtomicLong()).incrementAndGet();
  }

  void viewCounted(String video) {
    views.computeIfAbsent(video, v -> new AtomicLong()).incrementAndGet();
  }

  /** Expected counters of one video. */
  record Expected(long likes, long comments, long views) {}

  Expected expected(String video) {
    long likes =
        ratings.getOrDefault(video, Map.of()).values().stream().filter("like"::equals).count();
    return new Expected(likes, count(comments, video), count(views, video));
  }

  /** Every video any action touched. */
  Map<String, Expected> all() {
    Map<String, Expected> all = new TreeMap<>();
    for (String video : ratings.keySet()) {
      all.put(video, expected(video));
    }
    for (String video : comments.keySet()) {
      all.put(video, expected(video));
    }
    for (String video : views.keySet()) {
      all.put(video, expected(video));
    }
    return all;
  }

  private static long count(Map<String, AtomicLong> counts, String video) {
    AtomicLong count = counts.get(video);
    return count == null ? 0 : count.get();
  }
}
