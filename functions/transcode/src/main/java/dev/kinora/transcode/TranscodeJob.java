package dev.kinora.transcode;

import dev.kinora.shared.media.PosterKeys;

/**
 * Where a job reads and writes.
 *
 * @param mediaPrefix {@code media/{videoId}/}: every output key starts with it
 * @param posterToken the poster's token ({@link PosterKeys}): the poster goes to {@code
 *     media/{videoId}/poster-{posterToken}.jpg}
 */
public record TranscodeJob(
    String videoId,
    String sourceBucket,
    String sourceKey,
    String mediaBucket,
    String mediaPrefix,
    String posterToken) {

  /** The poster's name inside {@link #mediaPrefix}. */
  public String posterFileName() {
    return PosterKeys.fileName(posterToken);
  }
}
