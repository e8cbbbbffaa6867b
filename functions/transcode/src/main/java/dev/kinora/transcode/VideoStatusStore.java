package dev.kinora.transcode;

import java.util.List;
import java.util.Optional;

/** The video row's transitions, each a conditional write on {@code status = processing}. */
public interface VideoStatusStore {

  /**
   * @return false when the video was not processing (already finished, or gone)
   */
  boolean markReady(String videoId, ReadyVideo video);

  /**
   * @return false when the video was not processing (already finished, or gone)
   */
  boolean markFailed(String videoId, String reason);

  /**
   * Publishes the first rungs of a video that is still processing: {@code playableResolutions} and
   * {@code playlistUrl} (the master listing only those rungs).
   *
   * @return false when the video was not processing (already finished, or gone)
   */
  boolean markPlayable(String videoId, List<String> resolutions, String playlistUrl);

  /** The row's status, empty when there is no such video. */
  Optional<String> status(String videoId);
}
