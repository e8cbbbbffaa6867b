package dev.kinora.transcode;

/** How a transcode attempt ended. */
public sealed interface TranscodeOutcome {

  /** The outputs are in the media bucket; the row can become ready. */
  record Finished(ReadyVideo video) implements TranscodeOutcome {}

  /** An asynchronous backend accepted the job; an event finishes it later. */
  record Submitted(String jobId) implements TranscodeOutcome {}

  /**
   * A long video, split into {@code chunks} queued chunk jobs; the worker that finishes the last
   * one assembles the playlists and finishes the video.
   */
  record Chunked(int chunks) implements TranscodeOutcome {}

  /** Not a real video; {@code reason} is shown to the uploader, so it is human-readable. */
  record Rejected(String reason) implements TranscodeOutcome {}
}
