package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.runtime.FunctionCode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StateTest {
  @TempDir Path state;

  @Test
  void stateSurvivesRestart() throws Exception {
    try (LocalCloud first = start()) {
      first
          .dynamoDb()
          .putItem(
              r ->
                  r.tableName(first.physicalName("NotesTable"))
                      .item(
                          Map.of(
                              "pk",
                              AttributeValue.fromS("kept"),
                              "text",
                              AttributeValue.fromS("still here"))));
      first
          .s3()
          .putObject(
              r -> r.bucket(first.physicalName("MediaBucket")).key("media/kept.txt"),
              RequestBody.fromString("object kept"));
    }

    try (LocalCloud second = start()) {
      var item =
          second
              .dynamoDb()
              .getItem(
                  r ->
                      r.tableName(second.physicalName("NotesTable"))
                          .key(Map.of("pk", AttributeValue.fromS("kept"))));
      assertThat(item.item().get("text").s()).isEqualTo("still here");
      assertThat(
              second
                  .s3()
                  .getObjectAsBytes(
                      r -> r.bucket(second.physicalName("MediaBucket")).key("media/kept.txt"))
                  .asUtf8String())
          .isEqualTo("object kept");
      assertThat(second.sqs().listQueues().queueUrls()).hasSize(2);
    }
  }

  private LocalCloud start() throws Exception {
    Path template = Path.of(getClass().getResource("/local-cloud/template.yaml").toURI());
    return LocalCloud.builder()
        .root(template.getParent())
        .template(template)
        .stateDir(state)
        .withoutFrontDoor()
        .functionCode(FunctionCode.CLASSPATH)
        .logs(new PrintStream(OutputStream.nullOutputStream()))
        .start();
  }
}
