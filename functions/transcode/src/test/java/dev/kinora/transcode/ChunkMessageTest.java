package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkMessageTest {
  @Test
  void aChunkMessageSurvivesTheQueue() {
    var message = new ChunkMessage("Vid0000001a", 7, "kinora-raw-dev");

    assertThat(ChunkMessage.parse(message.toJson(), 11)).contains(message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"Records\":[]}",
        "{\"videoId\":\"short\",\"index\":0,\"bucket\":\"raw\"}",
        "{\"videoId\":\"Vid0000001a\",\"index\":-1,\"bucket\":\"raw\"}",
        "{\"videoId\":\"Vid0000001a\",\"index\":1.5,\"bucket\":\"raw\"}",
        "{\"videoId\":\"Vid0000001a\",\"index\":1,\"bucket\":\"../etc\"}",
        "{\"videoId\":\"Vid0000001a\",\"index\":\"1\",\"bucket\":\"raw\"}"
      })
  void anythingElseIsNotAChunkMessage(String body) {
    assertThat(ChunkMessage.parse(body, 11)).isEmpty();
  }
}
