package dev.kinora.transcode;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** SQS events as the Lambda Java runtime hands them over: sample files and built ones. */
final class SqsMessages {
  private SqsMessages() {}

  static Path root() {
    return Path.of(System.getProperty("kinora.root", "../.."));
  }

  /** A file under events/, read by the runtime's own deserializer. */
  static SQSEvent sample(String name) {
    try {
      return read(Files.readString(root().resolve("events").resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SQSEvent read(String json) {
    return LambdaEventSerializers.serializerFor(SQSEvent.class, SqsMessages.class.getClassLoader())
        .fromJson(json);
  }

  /** One message whose body is S3's ObjectCreated event for {@code key}. */
  static SQSEvent objectCreated(String messageId, String bucket, String encodedKey) {
    String body =
        Json.write(
            Map.of(
                "Records",
                List.of(
                    Map.of(
                        "eventVersion",
                        "2.1",
                        "eventSource",
                        "aws:s3",
                        "eventName",
                        "ObjectCreated:CompleteMultipartUpload",
                        "s3",
                        Map.of(
                            "bucket", Map.of("name", bucket),
                            "object", Map.of("key", encodedKey, "size", 1024))))));
    return message(messageId, body);
  }

  static SQSEvent message(String messageId, String body) {
    return read(
        Json.write(
            Map.of(
                "Records",
                List.of(
                    Map.of(
                        "messageId",
                        messageId,
                        "body",
                        body,
                        "eventSource",
                        "aws:sqs",
                        "eventSourceARN",
                        "arn:aws:sqs:us-east-1:123456789012:transcode")))));
  }
}
