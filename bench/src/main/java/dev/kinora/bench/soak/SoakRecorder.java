package dev.kinora.bench.soak;

import dev.kinora.bench.api.Latencies;
import dev.kinora.local.testing.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What the soak saw: every answered request's latency by route ({@code GET /api/v1/videos/{id}}:
 * ids and query strings taken out), and every answer that was not 2xx by route and status. Only
 * requests inside the measured window count ({@link #measuring}); warm-up and the final checks do
 * not.
 */
final class SoakRecorder implements Visitor.Observer {
  /** A path segment after one of these names a resource: it becomes {id}. */
  private static final Pattern ID_AFTER =
      Pattern.compile("/(videos|uploads|comments|channels|playlists)/[^/]+");

  private final Map<String, ConcurrentLinkedQueue<Long>> nanosByRoute = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private volatile boolean measuring;

  /**
   * {@code GET /api/v1/videos/abc/comments?sort=top} → {@code GET /api/v1/videos/{id}/comments}.
   */
  static String route(String method, String path) {
    String bare = path.split("\\?", 2)[0];
    return method + " " + ID_AFTER.matcher(bare).replaceAll("/$1/{id}");
  }

  void measuring(boolean on) {
    this.measuring = on;
  }

  @Override
  public void answered(String method, String path, int status, long nanos) {
    if (!measuring) {
      return;
    }
    String route = route(method, path);
    nanosByRoute.computeIfAbsent(route, r -> new ConcurrentLinkedQueue<>()).add(nanos);
    if (status / 100 != 2) {
      errors.computeIfAbsent(route + " → " + status, r -> new AtomicLong()).incrementAndGet();
    }
  }

  /** One route's numbers. */
  record RouteLatency(String route, Latencies latencies) {}

  List<RouteLatency> latencies() {
    List<RouteLatency> rows = new ArrayList<>();
    new TreeMap<>(nanosByRoute)
        .forEach(
            (route, nanos) ->
                rows.add(
                    new RouteLatency(
                        route, Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray()))));
    return rows;
  }

  /** Non-2xx answers by {@code "<route> → <status>"}. */
  Map<String, Long> errors() {
    Map<String, Long> counts = new TreeMap<>();
    errors.forEach((key, count) -> counts.put(key, count.get()));
    return counts;
  }

  long requests() {
    return nanosByRoute.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
  }

  long errorCount() {
    return errors.values().stream().mapToLong(AtomicLong::get).sum();
  }
}
