package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscodeDeadLetterHandlerTest {
  private static final String VIDEO = "Vid0000001a";

  private final InMemoryVideoStatusStore videos = new InMemoryVideoStatusStore();
  private final RecordingPublisher published = new RecordingPublisher();
  private final TranscodeDeadLetterHandler handler =
      new TranscodeDeadLetterHandler(
          new RawUploadEvents(11),
          11,
          new TranscodeService(
              videos,
              job -> {
                throw new AssertionError("the dead-letter side never transcodes");
              },
              published,
              "kinora-media",
              3));

  @Test
  void aDeadLetterFailsItsProcessingVideoWithAReasonTheUploaderUnderstands() {
    videos.with(VIDEO, "processing");

    var response =
        handler.handleRequest(
            SqsMessages.objectCreated("d1", "raw", "raw/" + VIDEO + "/source"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(videos.status(VIDEO)).contains("failed");
    assertThat(videos.reason(VIDEO)).isEqualTo("We could not process this video after 3 attempts");
    assertThat(published.events)
        .containsExactly("failed " + VIDEO + " We could not process this video after 3 attempts");
  }

  @Test
  void aDeadLetterLeavesAReadyVideoAlone() {
    videos.with(VIDEO, "ready");

    handler.handleRequest(SqsMessages.objectCreated("d1", "raw", "raw/" + VIDEO + "/source"), null);

    assertThat(videos.status(VIDEO)).contains("ready");
    assertThat(published.events).isEmpty();
  }

  @Test
  void aDeadLetterKeepsTheFirstFailureReason() {
    videos.with(VIDEO, "processing");
    videos.markFailed(VIDEO, "The file is empty.");

    handler.handleRequest(SqsMessages.objectCreated("d1", "raw", "raw/" + VIDEO + "/source"), null);

    assertThat(videos.reason(VIDEO)).isEqualTo("The file is empty.");
  }

  @Test
  void aDeadLetteredChunkFailsTheWholeVideo() {
    videos.with(VIDEO, "processing");

    var response =
        handler.handleRequest(
            SqsMessages.message("d2", new ChunkMessage(VIDEO, 2, "raw").toJson()), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(videos.status(VIDEO)).contains("failed");
    assertThat(videos.reason(VIDEO)).isEqualTo("We could not process this video after 3 attempts");
  }
}
