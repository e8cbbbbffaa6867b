package dev.kinora.transcode;

import dev.kinora.transcode.ffmpeg.HlsOutput;
import dev.kinora.transcode.ffmpeg.HlsTranscoder;
import dev.kinora.transcode.ffmpeg.MediaInfo;
import dev.kinora.transcode.ffmpeg.Probe;
import dev.kinora.transcode.ffmpeg.RejectedMediaException;
import dev.kinora.transcode.ffmpeg.TranscodeFailedException;
import dev.kinora.transcode.ffmpeg.TranscodeProgress;
import java.io.IOException;
import java.nio.file.Path;

/** The two things {@link FfmpegBackend} asks of the ffmpeg engine (a seam for unit tests). */
public interface FfmpegEngine {

  MediaInfo probe(Path source) throws RejectedMediaException, IOException;

  HlsOutput transcode(Path source, MediaInfo info, Path outDir, TranscodeProgress progress)
      throws IOException, TranscodeFailedException;

  /** The real engine: ffprobe and one ffmpeg process. */
  static FfmpegEngine of(Probe probe, HlsTranscoder transcoder) {
    return new FfmpegEngine() {
      @Override
      public MediaInfo probe(Path source) throws RejectedMediaException, IOException {
        return probe.probe(source);
      }

      @Override
      public HlsOutput transcode(
          Path source, MediaInfo info, Path outDir, TranscodeProgress progress)
          throws IOException, TranscodeFailedException {
        return transcoder.transcode(source, info, outDir, progress);
      }
    };
  }
}
