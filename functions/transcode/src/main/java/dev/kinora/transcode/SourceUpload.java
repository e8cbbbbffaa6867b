package dev.kinora.transcode;

/**
 * An original that landed in the raw bucket at {@code raw/{videoId}/source}.
 *
 * @param size bytes, as the S3 event reported them (-1 when the event did not say)
 */
public record SourceUpload(String bucket, String key, String videoId, long size) {

  /**
   * The job for this source: outputs go to {@code media/{videoId}/} of {@code mediaBucket}, the
   * poster under {@code posterToken} (the one the row holds, see {@link
   * VideoStatusStore#posterToken}).
   */
  public TranscodeJob job(String mediaBucket, String posterToken) {
    return new TranscodeJob(
        videoId, bucket, key, mediaBucket, MediaKeys.prefix(videoId), posterToken);
  }
}
