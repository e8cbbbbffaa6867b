package dev.kinora.videos;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link VideoStore} in a map, for unit tests. */
final class InMemoryVideoStore implements VideoStore {
  private final Map<String, StoredVideo> videos = new ConcurrentHashMap<>();

  void put(StoredVideo video) {
    videos.put(video.id(), video);
  }

  @Override
  public Optional<StoredVideo> find(String videoId) {
    return Optional.ofNullable(videos.get(videoId));
  }
}
