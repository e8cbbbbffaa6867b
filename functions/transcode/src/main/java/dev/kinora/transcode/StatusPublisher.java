package dev.kinora.transcode;

import java.util.List;

/**
 * Tells the uploader how the transcode goes: transcode.started / progress / completed / failed.
 * {@link WebSocketStatusPublisher} sends them to subscribers; {@link LoggingStatusPublisher} logs.
 */
public interface StatusPublisher {

  void started(String videoId);

  void progress(String videoId, String resolution, double percent);

  void completed(String videoId, ReadyVideo video);

  void failed(String videoId, String reason);

  /**
   * transcode.playable: the first rungs are published (the row's {@code playableResolutions}) while
   * the rest of the ladder is still encoding; {@code completed} follows with the full ladder. A
   * default that does nothing, so adapters written before it keep compiling; one that forwards
   * events to subscribers should override it.
   */
  default void playable(String videoId, List<String> resolutions) {}
}
