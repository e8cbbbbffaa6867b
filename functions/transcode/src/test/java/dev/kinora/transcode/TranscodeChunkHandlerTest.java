package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscodeChunkHandlerTest {
  private static final String VIDEO = "Vid0000001a";

  @Test
  void aChunkThatThrowsIsReportedSoSqsRetriesIt() {
    var handler =
        new TranscodeChunkHandler(
            11,
            chunk -> {
              throw new IllegalStateException("ffmpeg died");
            });

    var response =
        handler.handleRequest(
            SqsMessages.message("c1", new ChunkMessage(VIDEO, 0, "raw").toJson()), null);

    assertThat(response.getBatchItemFailures())
        .extracting(f -> f.getItemIdentifier())
        .containsExactly("c1");
  }

  @Test
  void aMessageThatIsNotAChunkJobIsDroppedNotRetried() {
    List<ChunkMessage> handled = new ArrayList<>();
    var handler =
        new TranscodeChunkHandler(
            11,
            chunk -> {
              handled.add(chunk);
              return ChunkWorker.Result.ENCODED;
            });

    var response =
        handler.handleRequest(
            SqsMessages.objectCreated("s1", "raw", "raw/" + VIDEO + "/source"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handled).isEmpty();
  }

  @Test
  void aChunkJobReachesTheWorker() {
    List<ChunkMessage> handled = new ArrayList<>();
    var handler =
        new TranscodeChunkHandler(
            11,
            chunk -> {
              handled.add(chunk);
              return ChunkWorker.Result.ALREADY_DONE;
            });

    var response =
        handler.handleRequest(
            SqsMessages.message("c2", new ChunkMessage(VIDEO, 3, "raw").toJson()), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handled).containsExactly(new ChunkMessage(VIDEO, 3, "raw"));
  }
}
