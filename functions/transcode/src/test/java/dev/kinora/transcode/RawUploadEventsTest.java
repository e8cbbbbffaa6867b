package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawUploadEventsTest {
  private final RawUploadEvents events = new RawUploadEvents(11);

  private static String created(String eventName, String key) {
    return Json.write(
        Map.of(
            "Records",
            List.of(
                Map.of(
                    "eventName",
                    eventName,
                    "s3",
                    Map.of(
                        "bucket", Map.of("name", "raw-bucket"),
                        "object", Map.of("key", key, "size", 42))))));
  }

  @Test
  void anUploadedSourceNamesItsVideo() {
    assertThat(events.sources(created("ObjectCreated:Put", "raw/Ab_-012345z/source")))
        .containsExactly(
            new SourceUpload("raw-bucket", "raw/Ab_-012345z/source", "Ab_-012345z", 42));
  }

  @Test
  void keysAreUrlDecodedLikeS3EncodesThem() {
    assertThat(events.sources(created("ObjectCreated:Put", "raw%2FAb%2D0123456z/source")))
        .containsExactly(
            new SourceUpload("raw-bucket", "raw/Ab-0123456z/source", "Ab-0123456z", 42));
  }

  @Test
  void theS3TestEventIsIgnored() {
    assertThat(
            events.sources(
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"raw-bucket\"}"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "raw/Ab_-012345z/source.mp4",
        "raw/short/source",
        "raw/Ab_-012345z/other",
        "media/Ab_-012345z/source",
        "raw/Ab_-0123/5z/source",
        "raw/Ab_-012345z/source/../x"
      })
  void otherKeysAreIgnored(String key) {
    assertThat(events.sources(created("ObjectCreated:Put", key))).isEmpty();
  }

  @Test
  void removalsAreIgnored() {
    assertThat(events.sources(created("ObjectRemoved:Delete", "raw/Ab_-012345z/source"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]", "null", "{\"Records\":\"nope\"}"})
  void hostileBodiesAreIgnored(String body) {
    assertThat(events.sources(body)).isEmpty();
  }
}
