package dev.kinora.transcode;

/**
 * Tells the uploader how the transcode goes: transcode.started / progress / completed / failed.
 * {@link WebSocketStatusPublisher} sends them to subscribers; {@link LoggingStatusPublisher} logs.
 */
public interface StatusPublisher {

  void started(String videoId);

  void progress(String videoId, String resolution, double percent);

  void completed(String videoId, ReadyVideo video);

  void failed(String videoId, String reason);
}
