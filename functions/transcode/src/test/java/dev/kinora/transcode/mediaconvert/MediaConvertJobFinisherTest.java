package dev.kinora.transcode.mediaconvert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.transcode.ReadyVideo;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaConvertJobFinisherTest {
  private static final LadderSpec LADDER = LadderSpec.from(TranscodeSettings.load());
  private static final int VIDEO_ID_LENGTH = Contract.load().limits().video().idLength();

  private final RecordingVideos videos =
      new RecordingVideos()
          .processing(SampleEvents.COMPLETED_VIDEO)
          .processing(SampleEvents.FAILED_VIDEO);
  private final MediaConvertJobFinisher finisher =
      new MediaConvertJobFinisher(videos, videos, videos, LADDER, VIDEO_ID_LENGTH);

  @Test
  void completeEventMakesTheVideoReadyWithTheRenditionsPlaylistAndPosterTheJobWrote()
      throws Exception {
    var result = finisher.finish(event(SampleEvents.tree(SampleEvents.COMPLETE)));

    String id = SampleEvents.COMPLETED_VIDEO;
    ReadyVideo video = videos.ready.get(id);
    assertThat(result).isEqualTo(new MediaConvertJobFinisher.Result.Ready(id, video));
    assertThat(videos.statuses).containsEntry(id, "ready");
    assertThat(video.resolutions()).containsExactly("1080p", "720p", "480p", "360p");
    assertThat(video.durationSeconds()).isEqualTo(63.04);
    assertThat(video.playlistUrl()).isEqualTo("/media/" + id + "/master.m3u8");
    // 10 % of 63 s is 6.3 s: the capture taken at one segment length (6 s), not the last one.
    long nearest = Math.round(63.04 * LADDER.thumbnailPositionFraction() / LADDER.segmentSeconds());
    String capture = "media/" + id + "/thumbnail." + String.format("%07d", nearest) + ".jpg";
    assertThat(video.thumbnailUrl()).matches("/media/" + id + "/poster-[A-Za-z0-9_-]{22}\\.jpg");
    assertThat(videos.copies)
        .as("the capture is published under the poster key")
        .containsExactly(capture + " -> " + video.thumbnailUrl().substring(1));
    assertThat(video.storyboardUrl()).isNull();
    assertThat(videos.published).containsExactly("completed " + id);
  }

  @Test
  void aRedeliveredCompleteEventFinishesTheVideoOnceAndPublishesOnce() throws Exception {
    finisher.finish(event(SampleEvents.tree(SampleEvents.COMPLETE)));
    var second = finisher.finish(event(SampleEvents.tree(SampleEvents.COMPLETE)));

    assertThat(second).isInstanceOf(MediaConvertJobFinisher.Result.Ignored.class);
    assertThat(videos.published).hasSize(1);
    assertThat(videos.copies).as("one poster").hasSize(1);
  }

  @Test
  void errorEventFailsTheVideoWithAReasonThatNamesNoInternals() throws Exception {
    var result = finisher.finish(event(SampleEvents.tree(SampleEvents.ERROR)));

    String id = SampleEvents.FAILED_VIDEO;
    String reason = videos.failureReasons.get(id);
    assertThat(result).isEqualTo(new MediaConvertJobFinisher.Result.Failed(id, reason));
    assertThat(videos.statuses).containsEntry(id, "failed");
    assertThat(reason).isEqualTo(JobFailureReasons.NOT_A_VIDEO);
    assertThat(reason).doesNotContain("s3://", "1010", "MediaConvert", "probe", "kinora-raw");
    assertThat(videos.published).containsExactly("failed " + id + ": " + reason);
  }

  @Test
  void anErrorAfterTheVideoWasFinishedChangesNothing() throws Exception {
    finisher.finish(event(SampleEvents.tree(SampleEvents.ERROR)));
    videos.statuses.put(SampleEvents.FAILED_VIDEO, "ready");

    var again = finisher.finish(event(SampleEvents.tree(SampleEvents.ERROR)));

    assertThat(again).isInstanceOf(MediaConvertJobFinisher.Result.Ignored.class);
    assertThat(videos.statuses).containsEntry(SampleEvents.FAILED_VIDEO, "ready");
    assertThat(videos.published).hasSize(1);
  }

  @ParameterizedTest(name = "error {0} → {1}")
  @CsvSource({
    "1010, NOT_A_VIDEO", // input cannot be opened or probed
    "1030, CANNOT_TRANSCODE", // input content or settings
    "1076, CANNOT_TRANSCODE",
    "1434, OUR_SIDE", // MediaConvert could not assume its role
    "3450, OUR_SIDE", // writing the renditions to S3
    "3999, OUR_SIDE"
  })
  void errorCodesMapToAReasonForWhoCanFixIt(int code, String reason) throws Exception {
    String expected = (String) JobFailureReasons.class.getDeclaredField(reason).get(null);
    assertThat(JobFailureReasons.forCode(OptionalInt.of(code))).isEqualTo(expected);
  }

  @Test
  void anErrorWithoutACodeIsOurSide() throws Exception {
    assertThat(JobFailureReasons.forCode(OptionalInt.empty()))
        .isEqualTo(JobFailureReasons.OUR_SIDE);
  }

  @Test
  void aJobWithoutAVideoIdIsIgnored() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.COMPLETE);
    detail(event).putObject("userMetadata");

    var result = finisher.finish(event(event));

    assertThat(result).isInstanceOf(MediaConvertJobFinisher.Result.Ignored.class);
    assertThat(videos.ready).isEmpty();
    assertThat(videos.published).isEmpty();
  }

  @Test
  void userMetadataThatIsNotAVideoIdIsNeverWrittenToTheTable() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.ERROR);
    ((ObjectNode) detail(event).get("userMetadata"))
        .put("videoId", "../" + SampleEvents.FAILED_VIDEO);
    videos.processing("../" + SampleEvents.FAILED_VIDEO);

    var result = finisher.finish(event(event));

    assertThat(result).isInstanceOf(MediaConvertJobFinisher.Result.Ignored.class);
    assertThat(videos.failureReasons).isEmpty();
  }

  @Test
  void aCancelledJobFailsTheVideoInsteadOfLeavingItProcessing() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.ERROR);
    detail(event).put("status", "CANCELED").remove(List.of("errorCode", "errorMessage"));

    var result = finisher.finish(event(event));

    assertThat(result)
        .isEqualTo(
            new MediaConvertJobFinisher.Result.Failed(
                SampleEvents.FAILED_VIDEO, JobFailureReasons.OUR_SIDE));
  }

  @Test
  void aNonFinalStatusIsIgnored() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.COMPLETE);
    detail(event).put("status", "PROGRESSING");

    assertThat(finisher.finish(event(event)))
        .isInstanceOf(MediaConvertJobFinisher.Result.Ignored.class);
    assertThat(videos.statuses).containsEntry(SampleEvents.COMPLETED_VIDEO, "processing");
  }

  @Test
  void aSourceSmallerThanTheTopRungsReportsEachRealHeightOnce() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.COMPLETE);
    // FIT_NO_UPSCALE: the 1080p and 720p rungs of a 480p source come out at 854x480.
    int[][] sizes = {{854, 480}, {854, 480}, {854, 480}, {640, 360}};
    var outputs = (ArrayNode) detail(event).path("outputGroupDetails").get(0).path("outputDetails");
    for (int i = 0; i < sizes.length; i++) {
      ObjectNode video = (ObjectNode) outputs.get(i).path("videoDetails");
      video.put("widthInPx", sizes[i][0]).put("heightInPx", sizes[i][1]);
    }

    finisher.finish(event(event));

    assertThat(videos.ready.get(SampleEvents.COMPLETED_VIDEO).resolutions())
        .containsExactly("480p", "360p");
  }

  @Test
  void aPortraitSourceIsNamedByItsRenditionHeights() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.COMPLETE);
    int[][] sizes = {{608, 1080}, {406, 720}, {270, 480}, {202, 360}};
    var outputs = (ArrayNode) detail(event).path("outputGroupDetails").get(0).path("outputDetails");
    for (int i = 0; i < sizes.length; i++) {
      ObjectNode video = (ObjectNode) outputs.get(i).path("videoDetails");
      video.put("widthInPx", sizes[i][0]).put("heightInPx", sizes[i][1]);
    }

    finisher.finish(event(event));

    assertThat(videos.ready.get(SampleEvents.COMPLETED_VIDEO).resolutions())
        .containsExactly("1080p", "720p", "480p", "360p");
  }

  @Test
  void thePosterIsNeverACaptureThatWasNotWritten() throws Exception {
    String last = "media/x/thumbnail.0000000.jpg";
    // A 4-second clip has only the capture at 0 s.
    assertThat(MediaConvertJobFinisher.posterKey(last, 4.0, LADDER)).isEqualTo(last);
    // A long video's 10 % lies past the last capture the job was allowed to take.
    String lastOfMany =
        "media/x/thumbnail." + String.format("%07d", LADDER.maxFrameCaptures() - 1) + ".jpg";
    assertThat(MediaConvertJobFinisher.posterKey(lastOfMany, 10_800, LADDER)).isEqualTo(lastOfMany);
  }

  @Test
  void aCompletedJobThatWroteNothingUnderTheVideosPrefixFailsTheVideo() throws Exception {
    ObjectNode event = SampleEvents.tree(SampleEvents.COMPLETE);
    var group = (ObjectNode) detail(event).path("outputGroupDetails").get(0);
    group.putArray("playlistFilePaths").add("s3://elsewhere/media/someoneElse1/master.m3u8");

    var result = finisher.finish(event(event));

    assertThat(result)
        .isEqualTo(
            new MediaConvertJobFinisher.Result.Failed(
                SampleEvents.COMPLETED_VIDEO, JobFailureReasons.OUR_SIDE));
  }

  @Test
  void theEventParsesIntoTheFieldsTheFinisherUses() throws Exception {
    JobStateChange change = event(SampleEvents.tree(SampleEvents.COMPLETE));

    assertThat(change.jobId()).isEqualTo("1764093700123-q8w2ze");
    assertThat(change.outputGroups())
        .extracting(JobStateChange.OutputGroupDetail::type)
        .containsExactly("HLS_GROUP", "FILE_GROUP");
    assertThat(change.outputGroups().get(0).outputs())
        .extracting(o -> o.widthInPx() + "x" + o.heightInPx())
        .isEqualTo(List.of("1920x1080", "1280x720", "854x480", "640x360"));
  }

  private static ObjectNode detail(ObjectNode event) {
    return (ObjectNode) event.get("detail");
  }

  private static JobStateChange event(ObjectNode event) {
    return JobStateChange.fromEvent(event);
  }
}
