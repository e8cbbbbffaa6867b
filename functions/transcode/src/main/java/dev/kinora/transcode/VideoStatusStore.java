package dev.kinora.transcode;

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

  /** The row's status, empty when there is no such video. */
  Optional<String> status(String videoId);
}
