package dev.kinora.transcode.ffmpeg;

/** ffmpeg failed or ran out of time on a source that the probe accepted. */
public final class TranscodeFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public TranscodeFailedException(String message) {
    super(message);
  }

  public TranscodeFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
