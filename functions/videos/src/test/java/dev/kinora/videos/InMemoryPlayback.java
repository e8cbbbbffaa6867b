package dev.kinora.videos;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.RatingValue;
import dev.kinora.shared.model.WatchProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory ports of the playback side (channels, progress, views, media), for unit tests. */
final class InMemoryPlayback
    implements ChannelDirectory, WatchProgressStore, ViewLedger, MediaStore, CdnInvalidation {
  final Map<String, ChannelSummary> channels = new ConcurrentHashMap<>();
  final Map<String, WatchProgress> progress = new ConcurrentHashMap<>();
  final Map<String, Instant> markers = new ConcurrentHashMap<>();
  final Map<String, Long> views = new ConcurrentHashMap<>();
  final List<String> deleted = new ArrayList<>();
  final java.util.Set<String> mediaObjects = ConcurrentHashMap.newKeySet();
  final List<String> invalidated = new ArrayList<>();
  final Map<String, RatingValue> ratings = new ConcurrentHashMap<>();

  static VideoService service(InMemoryVideoStore store, InMemoryPlayback playback, Instant now) {
    return new VideoService(
        store,
        playback,
        playback,
        playback,
        (userId, videoId) ->
            playback.ratings.getOrDefault(userId + "/" + videoId, RatingValue.NONE),
        playback,
        playback,
        new ViewRule(30, 0.5),
        Duration.ofMinutes(30),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Override
  public Optional<ChannelSummary> find(String channelId) {
    return Optional.ofNullable(channels.get(channelId));
  }

  @Override
  public Optional<WatchProgress> find(String userId, String videoId) {
    return Optional.ofNullable(progress.get(userId + "/" + videoId));
  }

  @Override
  public synchronized WatchProgress save(
      String userId,
      String videoId,
      double position,
      double watchedSeconds,
      double percentage,
      Instant now) {
    WatchProgress old = progress.get(userId + "/" + videoId);
    WatchProgress saved =
        new WatchProgress(
            videoId,
            position,
            old == null ? watchedSeconds : Math.max(old.watchedSeconds(), watchedSeconds),
            old == null ? percentage : Math.max(old.percentage(), percentage),
            now);
    progress.put(userId + "/" + videoId, saved);
    return saved;
  }

  @Override
  public Page recent(String userId, String cursor, int limit) {
    List<WatchProgress> mine =
        progress.entrySet().stream()
            .filter(entry -> entry.getKey().startsWith(userId + "/"))
            .map(Map.Entry::getValue)
            .sorted(Comparator.comparing(WatchProgress::updatedAt).reversed())
            .toList();
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(mine.size(), from + limit);
    return new Page(mine.subList(from, to), to < mine.size() ? Integer.toString(to) : null);
  }

  @Override
  public synchronized OptionalLong countOnce(
      String videoId, String viewerKey, Instant now, Duration window) {
    Instant until = markers.get(videoId + "#" + viewerKey);
    if (until != null && until.isAfter(now)) {
      return OptionalLong.empty();
    }
    markers.put(videoId + "#" + viewerKey, now.plus(window));
    return OptionalLong.of(views.merge(videoId, 1L, Long::sum));
  }

  @Override
  public long viewCount(String videoId) {
    return views.getOrDefault(videoId, 0L);
  }

  @Override
  public synchronized void deleteMedia(String videoId) {
    deleted.add("media/" + videoId + "/");
  }

  @Override
  public synchronized void deleteSource(String sourceKey) {
    deleted.add(sourceKey);
  }

  @Override
  public synchronized boolean copyMediaObject(String fromKey, String toKey) {
    return mediaObjects.contains(fromKey) && mediaObjects.add(toKey);
  }

  @Override
  public synchronized void deleteMediaObject(String key) {
    mediaObjects.remove(key);
  }

  @Override
  public synchronized void invalidate(String path) {
    invalidated.add(path);
  }
}
