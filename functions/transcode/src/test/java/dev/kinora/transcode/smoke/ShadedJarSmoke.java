package dev.kinora.transcode.smoke;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.shared.config.Config;
import dev.kinora.transcode.TranscodeChunkHandler;
import dev.kinora.transcode.TranscodeDeadLetterHandler;
import dev.kinora.transcode.TranscodeHandler;
import java.util.Map;

/**
 * Run by the build against {@code target/transcode.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds the transcode,
 * dead-letter and chunk handlers with their clients and the ffmpeg backend, and answers S3's test
 * event without touching the network. Arguments: the jar, and {@code
 * events/transcode-s3-test-event.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args);
    Config.useEnvironment(
        JarSmoke.offline(
            Map.of(
                "VIDEOS_TABLE", "videos",
                "MEDIA_BUCKET", "media",
                "TRANSCODE_BACKEND", "ffmpeg",
                "FFMPEG_BIN_DIR", "/opt/bin",
                "AWS_ENDPOINT_URL_S3", JarSmoke.CLOSED_PORT,
                "AWS_ENDPOINT_URL_SQS", JarSmoke.CLOSED_PORT,
                "TRANSCODE_CHUNK_QUEUE_URL", JarSmoke.CLOSED_PORT + "/000000000000/chunks")));
    SQSEvent sample = smoke.sampleEvent(SQSEvent.class);
    SQSBatchResponse transcoded = new TranscodeHandler().handleRequest(sample, null);
    SQSBatchResponse deadLettered = new TranscodeDeadLetterHandler().handleRequest(sample, null);
    // Not a chunk job: ignored, not retried (and the chunk worker's clients were built).
    SQSBatchResponse chunk =
        smoke.firstResponse(new TranscodeChunkHandler().handleRequest(sample, null));
    if (!transcoded.getBatchItemFailures().isEmpty()
        || !deadLettered.getBatchItemFailures().isEmpty()
        || !chunk.getBatchItemFailures().isEmpty()) {
      throw new IllegalStateException("the S3 test event must be ignored, not retried");
    }
    System.out.printf(
        "transcode.jar smoke test passed: %d bytes; all three handlers built and answered in %d ms%n",
        smoke.jarBytes(), smoke.millisToFirstResponse());
  }
}
