package dev.kinora.uploads;

import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: upload sessions and the video each one reserves. Every state change of a session moves its
 * video in the same atomic write, so an active session always has an {@code uploading} video and a
 * completed one a {@code processing} (or later) video.
 */
public interface UploadStore {

  /**
   * Stores a new active session and reserves its video ({@code uploading}, the placeholder title),
   * all or nothing.
   */
  void create(Upload upload, String placeholderTitle, Instant now);

  Optional<Upload> find(String uploadId);

  /**
   * active → completed, and the video uploading → processing with {@code metadata}; only while the
   * session is active, owned by {@code ownerId} and not past its expiry at {@code now}.
   *
   * @return false if a condition failed (nothing changed)
   */
  boolean complete(Upload upload, String ownerId, VideoMetadata metadata, Instant now);

  /** The object of a completed session is assembled: the expiry job no longer looks at it. */
  void markAssembled(Upload upload, Instant now);

  /**
   * active → cancelled and the reserved video deleted; only while active and owned by {@code
   * ownerId}.
   *
   * @return false if a condition failed (nothing changed)
   */
  boolean cancel(Upload upload, String ownerId, Instant now);

  /**
   * active → expired and the reserved video deleted; only while active and past its expiry.
   *
   * @return false if a condition failed (nothing changed)
   */
  boolean expire(Upload upload, Instant now);

  /**
   * Sessions the expiry job must look at: active ones whose expiry is at or before {@code now}, and
   * completed ones whose object has not been assembled yet (an interrupted completion). Uses the
   * sparse {@code Pending} index, never a scan.
   */
  List<Upload> findDue(Instant now);

  Optional<Video> findVideo(String videoId);

  /** A processing video whose upload could not be assembled becomes failed with {@code reason}. */
  void failVideo(String videoId, String reason, Instant now);
}
