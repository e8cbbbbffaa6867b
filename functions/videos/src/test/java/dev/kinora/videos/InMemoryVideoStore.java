package dev.kinora.videos;

import dev.kinora.shared.model.VideoUpdateRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  @Override
  public List<StoredVideo> findAll(Collection<String> videoIds) {
    return videoIds.stream().map(videos::get).filter(Objects::nonNull).toList();
  }

  @Override
  public Optional<StoredVideo> update(
      String videoId, String ownerId, VideoUpdateRequest changes, Instant now) {
    StoredVideo old = videos.get(videoId);
    if (old == null || !old.isOwnedBy(ownerId)) {
      return Optional.empty();
    }
    StoredVideo changed =
        new StoredVideo(
            old.id(),
            old.ownerId(),
            old.channelId(),
            changes.title() == null ? old.title() : changes.title(),
            changes.description() == null ? old.description() : changes.description(),
            changes.tags() == null ? old.tags() : changes.tags(),
            changes.categories() == null ? old.categories() : changes.categories(),
            changes.visibility() == null ? old.visibility() : changes.visibility(),
            old.status(),
            old.failureReason(),
            old.uploadId(),
            old.sourceKey(),
            old.durationSeconds(),
            old.width(),
            old.height(),
            old.resolutions(),
            old.playableResolutions(),
            old.thumbnailUrl(),
            old.playlistUrl(),
            old.storyboardUrl(),
            old.viewCount(),
            old.likeCount(),
            old.dislikeCount(),
            old.commentCount(),
            old.createdAt(),
            now,
            old.publishedAt());
    videos.put(videoId, changed);
    return Optional.of(changed);
  }

  @Override
  public synchronized Optional<StoredVideo> replaceThumbnail(
      String videoId, String expectedUrl, String newUrl, Instant now) {
    StoredVideo old = videos.get(videoId);
    if (old == null || !Objects.equals(old.thumbnailUrl(), expectedUrl)) {
      return Optional.empty();
    }
    StoredVideo moved =
        new StoredVideo(
            old.id(),
            old.ownerId(),
            old.channelId(),
            old.title(),
            old.description(),
            old.tags(),
            old.categories(),
            old.visibility(),
            old.status(),
            old.failureReason(),
            old.uploadId(),
            old.sourceKey(),
            old.durationSeconds(),
            old.width(),
            old.height(),
            old.resolutions(),
            old.playableResolutions(),
            newUrl,
            old.playlistUrl(),
            old.storyboardUrl(),
            old.viewCount(),
            old.likeCount(),
            old.dislikeCount(),
            old.commentCount(),
            old.createdAt(),
            now,
            old.publishedAt());
    videos.put(videoId, moved);
    return Optional.of(moved);
  }

  @Override
  public boolean delete(String videoId, String ownerId) {
    StoredVideo old = videos.get(videoId);
    return old != null && old.isOwnedBy(ownerId) && videos.remove(videoId, old);
  }
}
