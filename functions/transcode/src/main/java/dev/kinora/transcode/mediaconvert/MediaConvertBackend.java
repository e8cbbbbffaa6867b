package dev.kinora.transcode.mediaconvert;

import dev.kinora.transcode.TranscodeBackend;
import dev.kinora.transcode.TranscodeJob;
import dev.kinora.transcode.TranscodeOutcome;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;

/**
 * Hands the ladder to AWS Elemental MediaConvert instead of running ffmpeg in the function: one
 * CreateJob call, then the function is done. The video stays {@code processing} until the job's
 * COMPLETE or ERROR event reaches {@link MediaConvertEventsHandler}.
 *
 * <p>MediaConvert probes the source itself; a file that is not a real video ends as an ERROR event
 * (mapped to a reason by {@link JobFailureReasons}), not as {@code Rejected} here.
 */
public final class MediaConvertBackend implements TranscodeBackend {
  private final MediaConvertClient client;
  private final LadderSpec ladder;
  private final MediaConvertSettings settings;

  public MediaConvertBackend(
      MediaConvertClient client, LadderSpec ladder, MediaConvertSettings settings) {
    this.client = client;
    this.ladder = ladder;
    this.settings = settings;
  }

  /**
   * Any SDK exception propagates: the transcode message goes back to the queue and is retried (a
   * throttled or briefly unavailable API), and after the queue's last retry the dead-letter
   * consumer marks the video failed.
   */
  @Override
  public TranscodeOutcome transcode(TranscodeJob job) {
    var response = client.createJob(LadderJobRequest.of(job, ladder, settings));
    return new TranscodeOutcome.Submitted(response.job().id());
  }
}
