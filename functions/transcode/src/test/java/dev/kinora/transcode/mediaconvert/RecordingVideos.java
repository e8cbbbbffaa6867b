package dev.kinora.transcode.mediaconvert;

import dev.kinora.transcode.ReadyVideo;
import dev.kinora.transcode.StatusPublisher;
import dev.kinora.transcode.VideoStatusStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory video table with the store's conditional transitions, a publisher that records what
 * subscribers would have been told, and the media bucket's copies.
 */
final class RecordingVideos
    implements VideoStatusStore, StatusPublisher, MediaConvertJobFinisher.MediaCopy {
  final Map<String, String> statuses = new HashMap<>();
  final Map<String, ReadyVideo> ready = new HashMap<>();
  final Map<String, String> failureReasons = new HashMap<>();
  final List<String> published = new ArrayList<>();
  final Map<String, String> posterTokens = new HashMap<>();
  final List<String> copies = new ArrayList<>();

  @Override
  public void copy(String fromKey, String toKey) {
    copies.add(fromKey + " -> " + toKey);
  }

  RecordingVideos processing(String videoId) {
    statuses.put(videoId, "processing");
    return this;
  }

  @Override
  public boolean markReady(String videoId, ReadyVideo video) {
    if (!"processing".equals(statuses.get(videoId))) {
      return false;
    }
    statuses.put(videoId, "ready");
    ready.put(videoId, video);
    return true;
  }

  @Override
  public boolean markFailed(String videoId, String reason) {
    if (!"processing".equals(statuses.get(videoId))) {
      return false;
    }
    statuses.put(videoId, "failed");
    failureReasons.put(videoId, reason);
    return true;
  }

  @Override
  public boolean markPlayable(
      String videoId, java.util.List<String> resolutions, String playlistUrl) {
    return false;
  }

  @Override
  public Optional<String> posterToken(String videoId, String candidate) {
    if (!"processing".equals(statuses.get(videoId))) {
      return Optional.empty();
    }
    return Optional.of(posterTokens.computeIfAbsent(videoId, id -> candidate));
  }

  @Override
  public Optional<String> status(String videoId) {
    return Optional.ofNullable(statuses.get(videoId));
  }

  @Override
  public void started(String videoId) {
    published.add("started " + videoId);
  }

  @Override
  public void progress(String videoId, String resolution, double percent) {
    published.add("progress " + videoId + " " + resolution);
  }

  @Override
  public void completed(String videoId, ReadyVideo video) {
    published.add("completed " + videoId);
  }

  @Override
  public void failed(String videoId, String reason) {
    published.add("failed " + videoId + ": " + reason);
  }
}
