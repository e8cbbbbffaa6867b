package dev.kinora.transcode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what was published, as {@code "event videoId [detail]"} lines. */
class RecordingPublisher implements StatusPublisher {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void started(String videoId) {
    events.add("started " + videoId);
  }

  @Override
  public void progress(String videoId, String resolution, double percent) {
    events.add("progress " + videoId + " " + resolution + " " + percent);
  }

  @Override
  public void completed(String videoId, ReadyVideo video) {
    events.add("completed " + videoId + " " + video.resolutions());
  }

  @Override
  public void playable(String videoId, List<String> resolutions) {
    events.add("playable " + videoId + " " + resolutions);
  }

  @Override
  public void failed(String videoId, String reason) {
    events.add("failed " + videoId + " " + reason);
  }
}
