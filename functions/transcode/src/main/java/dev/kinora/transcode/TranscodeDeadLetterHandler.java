package dev.kinora.transcode;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.kinora.shared.log.Log;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * TranscodeDeadLetterQueue's and TranscodeChunkDeadLetterQueue's consumer: the S3 event of an
 * original, or the chunk job of a long video, that failed every attempt. Its video becomes {@code
 * failed} with a reason the uploader understands, unless it finished in the meantime (the
 * conditional write leaves {@code ready} and {@code failed} videos alone).
 */
public final class TranscodeDeadLetterHandler
    implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final System.Logger LOG = Log.logger(TranscodeDeadLetterHandler.class);

  private final RawUploadEvents events;
  private final int videoIdLength;
  private final TranscodeService transcodes;

  public TranscodeDeadLetterHandler() {
    this(Wiring.fromEnvironment());
  }

  private TranscodeDeadLetterHandler(Wiring wiring) {
    this(wiring.rawUploadEvents(), wiring.limits().video().idLength(), wiring.deadLetterService());
  }

  TranscodeDeadLetterHandler(
      RawUploadEvents events, int videoIdLength, TranscodeService transcodes) {
    this.events = events;
    this.videoIdLength = videoIdLength;
    this.transcodes = transcodes;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    Log.invocation(context == null ? null : context.getAwsRequestId());
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : TranscodeHandler.records(event)) {
      try {
        var chunk = ChunkMessage.parse(message.getBody(), videoIdLength);
        if (chunk.isPresent()) {
          LOG.log(
              Level.WARNING,
              "chunk {0} of {1} failed every attempt: {2}",
              chunk.get().index(),
              chunk.get().videoId(),
              transcodes.giveUp(chunk.get().videoId()));
          continue;
        }
        for (SourceUpload source : events.sources(message.getBody())) {
          LOG.log(
              Level.WARNING,
              "{0} failed every attempt: {1}",
              source.key(),
              transcodes.giveUp(source));
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "dead letter " + message.getMessageId() + " not handled", e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
