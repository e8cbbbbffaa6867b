package dev.kinora.transcode;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** {@link ChunkQueue} on TranscodeChunkQueue: SendMessageBatch, ten messages per call. */
public final class SqsChunkQueue implements ChunkQueue {
  private static final int BATCH = 10;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsChunkQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(List<ChunkMessage> chunks) {
    for (int from = 0; from < chunks.size(); from += BATCH) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (ChunkMessage chunk : chunks.subList(from, Math.min(chunks.size(), from + BATCH))) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id("chunk-" + chunk.index())
                .messageBody(chunk.toJson())
                .build());
      }
      var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
      if (!response.failed().isEmpty()) {
        // The planner's message is retried; chunks already queued are harmless duplicates.
        throw new IllegalStateException(
            "TranscodeChunkQueue refused "
                + response.failed().size()
                + " chunk messages: "
                + response.failed().getFirst().message());
      }
    }
  }
}
