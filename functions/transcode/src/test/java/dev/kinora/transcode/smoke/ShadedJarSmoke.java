package dev.kinora.transcode.smoke;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.shared.config.Config;
import dev.kinora.transcode.TranscodeChunkHandler;
import dev.kinora.transcode.TranscodeDeadLetterHandler;
import dev.kinora.transcode.TranscodeHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build against {@code target/transcode.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds the transcode, dead-letter and chunk
 * handlers with their clients and the ffmpeg backend, and answers S3's test event without touching
 * the network. Arguments: the jar, and {@code events/transcode-s3-test-event.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config.useEnvironment(
        Map.ofEntries(
            Map.entry("VIDEOS_TABLE", "videos"),
            Map.entry("MEDIA_BUCKET", "media"),
            Map.entry("TRANSCODE_BACKEND", "ffmpeg"),
            Map.entry("FFMPEG_BIN_DIR", "/opt/bin"),
            Map.entry("AWS_REGION", "us-east-1"),
            Map.entry("AWS_ACCESS_KEY_ID", "smoke"),
            Map.entry("AWS_SECRET_ACCESS_KEY", "smoke"),
            Map.entry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"),
            Map.entry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"),
            Map.entry("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9"),
            Map.entry("TRANSCODE_CHUNK_QUEUE_URL", "http://127.0.0.1:9/000000000000/chunks")));
    SQSEvent sample =
        LambdaEventSerializers.serializerFor(SQSEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    SQSBatchResponse transcoded = new TranscodeHandler().handleRequest(sample, null);
    SQSBatchResponse deadLettered = new TranscodeDeadLetterHandler().handleRequest(sample, null);
    // Not a chunk job: ignored, not retried (and the chunk worker's clients were built).
    SQSBatchResponse chunk = new TranscodeChunkHandler().handleRequest(sample, null);
    if (!transcoded.getBatchItemFailures().isEmpty()
        || !deadLettered.getBatchItemFailures().isEmpty()
        || !chunk.getBatchItemFailures().isEmpty()) {
      throw new IllegalStateException("the S3 test event must be ignored, not retried");
    }
    System.out.printf(
        "transcode.jar smoke test passed: %d bytes; all three handlers built and answered in %d ms%n",
        Files.size(Path.of(args[0])), (System.nanoTime() - start) / 1_000_000);
  }
}
