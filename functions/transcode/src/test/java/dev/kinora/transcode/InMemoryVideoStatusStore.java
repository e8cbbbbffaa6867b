package dev.kinora.transcode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** VideosTable's transitions in memory, with the same conditional-write semantics. */
final class InMemoryVideoStatusStore implements VideoStatusStore {
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> reasons = new ConcurrentHashMap<>();
  private final Map<String, ReadyVideo> ready = new ConcurrentHashMap<>();
  private final Map<String, List<String>> playable = new ConcurrentHashMap<>();
  private final Map<String, String> posterTokens = new ConcurrentHashMap<>();
  final AtomicInteger readyWrites = new AtomicInteger();

  InMemoryVideoStatusStore with(String videoId, String status) {
    statuses.put(videoId, status);
    return this;
  }

  @Override
  public synchronized boolean markReady(String videoId, ReadyVideo video) {
    if (!"processing".equals(statuses.get(videoId))) {
      return false;
    }
    statuses.put(videoId, "ready");
    ready.put(videoId, video);
    posterTokens.remove(videoId);
    readyWrites.incrementAndGet();
    return true;
  }

  @Override
  public synchronized boolean markPlayable(
      String videoId, List<String> resolutions, String playlistUrl) {
    if (!"processing".equals(statuses.get(videoId))) {
      return false;
    }
    playable.put(videoId, List.copyOf(resolutions));
    return true;
  }

  List<String> playable(String videoId) {
    return playable.get(videoId);
  }

  @Override
  public synchronized boolean markFailed(String videoId, String reason) {
    if (!"processing".equals(statuses.get(videoId))) {
      return false;
    }
    statuses.put(videoId, "failed");
    reasons.put(videoId, reason);
    return true;
  }

  @Override
  public synchronized Optional<String> posterToken(String videoId, String candidate) {
    if (!"processing".equals(statuses.get(videoId))) {
      return Optional.empty();
    }
    return Optional.of(posterTokens.computeIfAbsent(videoId, id -> candidate));
  }

  String posterToken(String videoId) {
    return posterTokens.get(videoId);
  }

  @Override
  public Optional<String> status(String videoId) {
    return Optional.ofNullable(statuses.get(videoId));
  }

  String reason(String videoId) {
    return reasons.get(videoId);
  }

  ReadyVideo ready(String videoId) {
    return ready.get(videoId);
  }
}
