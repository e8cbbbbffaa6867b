package dev.kinora.transcode;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.kinora.shared.log.Log;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TranscodeChunkQueue's consumer: one chunk of a long video per message (batch size 1). A chunk
 * whose handling throws is reported as a batch item failure, so SQS delivers it again; after
 * maxReceiveCount it goes to TranscodeChunkDeadLetterQueue, whose consumer fails the video.
 */
public class TranscodeChunkHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final System.Logger LOG = Log.logger(TranscodeChunkHandler.class);

  /** Reads a message body; also the seam the crash test uses. */
  @FunctionalInterface
  public interface Worker {
    ChunkWorker.Result handle(ChunkMessage message) throws Exception;
  }

  private final int videoIdLength;
  private final Worker worker;

  public TranscodeChunkHandler() {
    this(Wiring.fromEnvironment());
  }

  private TranscodeChunkHandler(Wiring wiring) {
    this(wiring.limits().video().idLength(), wiring.chunkWorker()::handle);
  }

  /** Over another worker (tests: one that crashes). */
  protected TranscodeChunkHandler(Worker worker) {
    this(Wiring.fromEnvironment().limits().video().idLength(), worker);
  }

  TranscodeChunkHandler(int videoIdLength, Worker worker) {
    this.videoIdLength = videoIdLength;
    this.worker = worker;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    Log.invocation(context == null ? null : context.getAwsRequestId());
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : TranscodeHandler.records(event)) {
      Optional<ChunkMessage> chunk = ChunkMessage.parse(message.getBody(), videoIdLength);
      if (chunk.isEmpty()) {
        LOG.log(Level.WARNING, "message {0} is not a chunk job; ignored", message.getMessageId());
        continue;
      }
      try {
        ChunkWorker.Result result = worker.handle(chunk.get());
        LOG.log(
            Level.INFO,
            "chunk {0} of {1}: {2}",
            chunk.get().index(),
            chunk.get().videoId(),
            result);
      } catch (Exception e) {
        LOG.log(
            Level.ERROR, "chunk message " + message.getMessageId() + " failed; SQS will retry", e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
