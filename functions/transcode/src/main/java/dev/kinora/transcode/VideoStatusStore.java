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

  /**
   * The token of the video's poster key ({@code media/{id}/poster-{token}.jpg}): the one already on
   * the row, or {@code candidate} stored there now. Every attempt at transcoding one video (an SQS
   * redelivery, a retry after a failed attempt, a duplicate job event) so writes its poster to the
   * same key and overwrites it, and a retry never leaves a second poster behind. Nothing about the
   * key is derived from the id or the time: the token is random, and only the row remembers it.
   *
   * @return empty when the video is not processing (finished, failed or gone)
   */
  Optional<String> posterToken(String videoId, String candidate);

  /** The row's status, empty when there is no such video. */
  Optional<String> status(String videoId);
}
