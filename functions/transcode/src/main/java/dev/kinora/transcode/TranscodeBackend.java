package dev.kinora.transcode;

/**
 * Turns a raw upload into the HLS ladder: FfmpegBackend (default) or MediaConvertBackend, chosen by
 * configuration {@code TRANSCODE_BACKEND=ffmpeg|mediaconvert}.
 */
public interface TranscodeBackend {

  /** Any exception means "try again later": the message goes back to the queue. */
  TranscodeOutcome transcode(TranscodeJob job) throws Exception;
}
