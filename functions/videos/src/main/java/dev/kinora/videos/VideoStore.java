package dev.kinora.videos;

import dev.kinora.shared.model.VideoUpdateRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: what the videos service needs from the videos table. */
public interface VideoStore {

  /** The video with this id, if it exists. */
  Optional<StoredVideo> find(String videoId);

  /** The videos with these ids that exist, in no particular order. */
  List<StoredVideo> findAll(Collection<String> videoIds);

  /**
   * Applies the non-null fields of {@code changes} if {@code ownerId} still owns the video.
   *
   * @return the video after the edit; empty when it is gone or owned by someone else
   */
  Optional<StoredVideo> update(
      String videoId, String ownerId, VideoUpdateRequest changes, Instant now);

  /**
   * Points the row's {@code thumbnailUrl} at {@code newUrl} if it still is {@code expectedUrl}.
   *
   * @return the video after the change; empty when the poster moved meanwhile or the row is gone
   */
  Optional<StoredVideo> replaceThumbnail(
      String videoId, String expectedUrl, String newUrl, Instant now);

  /**
   * Deletes the row if {@code ownerId} owns it.
   *
   * @return whether a row was deleted
   */
  boolean delete(String videoId, String ownerId);
}
