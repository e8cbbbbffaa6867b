package dev.kinora.transcode;

import dev.kinora.shared.log.Log;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;

/** Logs the transcode events until the realtime issue sends them to WebSocket subscribers. */
public final class LoggingStatusPublisher implements StatusPublisher {
  private static final System.Logger LOG = Log.logger(LoggingStatusPublisher.class);

  @Override
  public void started(String videoId) {
    LOG.log(Level.INFO, "transcode.started {0}", videoId);
  }

  @Override
  public void progress(String videoId, String resolution, double percent) {
    LOG.log(
        Level.INFO,
        "transcode.progress {0} {1} {2}",
        videoId,
        resolution,
        String.format(Locale.ROOT, "%.1f%%", percent));
  }

  @Override
  public void completed(String videoId, ReadyVideo video) {
    LOG.log(Level.INFO, "transcode.completed {0} {1}", videoId, video.resolutions());
  }

  @Override
  public void playable(String videoId, List<String> resolutions) {
    LOG.log(Level.INFO, "transcode.playable {0} {1}", videoId, resolutions);
  }

  @Override
  public void failed(String videoId, String reason) {
    LOG.log(Level.INFO, "transcode.failed {0}: {1}", videoId, reason);
  }
}
