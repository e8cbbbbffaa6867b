package dev.kinora.transcode.mediaconvert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The handler fed the sample events under events/ as EventBridge delivers them. */
class MediaConvertEventsHandlerTest {
  private final RecordingVideos videos =
      new RecordingVideos()
          .processing(SampleEvents.COMPLETED_VIDEO)
          .processing(SampleEvents.FAILED_VIDEO);
  private final MediaConvertEventsHandler handler =
      new MediaConvertEventsHandler(
          new MediaConvertJobFinisher(
              videos,
              videos,
              videos,
              LadderSpec.from(TranscodeSettings.load()),
              Contract.load().limits().video().idLength()));

  @Test
  void theCompleteSampleEventMakesItsVideoReady() throws Exception {
    String answer = invoke(SampleEvents.COMPLETE);

    assertThat(videos.statuses).containsEntry(SampleEvents.COMPLETED_VIDEO, "ready");
    assertThat(Json.mapper().readTree(answer).path("result").asText())
        .isEqualTo("ready " + SampleEvents.COMPLETED_VIDEO);
  }

  @Test
  void theErrorSampleEventFailsItsVideo() throws Exception {
    String answer = invoke(SampleEvents.ERROR);

    assertThat(videos.statuses).containsEntry(SampleEvents.FAILED_VIDEO, "failed");
    assertThat(Json.mapper().readTree(answer).path("result").asText())
        .isEqualTo("failed " + SampleEvents.FAILED_VIDEO);
  }

  @Test
  void anEventThatIsNotAJobStateChangeIsIgnored() throws Exception {
    String answer = invokeWith("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}");

    assertThat(Json.mapper().readTree(answer).path("result").asText()).startsWith("ignored");
    assertThat(videos.published).isEmpty();
  }

  private String invoke(String sample) throws Exception {
    return invokeWith(new String(SampleEvents.bytes(sample), UTF_8));
  }

  private String invokeWith(String event) throws Exception {
    var out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, null);
    return out.toString(UTF_8);
  }
}
