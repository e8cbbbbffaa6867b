package dev.kinora.transcode.ffmpeg;

/** The source is not a video we accept; the message is the reason shown to the uploader. */
public final class RejectedMediaException extends Exception {
  private static final long serialVersionUID = 1L;

  public RejectedMediaException(String reason) {
    super(reason);
  }
}
