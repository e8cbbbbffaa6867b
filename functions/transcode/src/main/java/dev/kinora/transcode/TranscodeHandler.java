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
 * TranscodeQueue's consumer: each message is an S3 event for an uploaded original. A message whose
 * handling throws is reported as a batch item failure, so SQS delivers it again (up to
 * maxReceiveCount, then the dead-letter queue); everything else, including rejected inputs and
 * events to ignore, is done and deleted.
 */
public class TranscodeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final System.Logger LOG = Log.logger(TranscodeHandler.class);

  private final RawUploadEvents events;
  private final TranscodeService transcodes;

  /** The constructor Lambda calls: clients and services built once per container. */
  public TranscodeHandler() {
    this(Wiring.fromEnvironment());
  }

  private TranscodeHandler(Wiring wiring) {
    this(wiring.rawUploadEvents(), wiring.transcodeService());
  }

  /** Over another backend (tests: one that crashes). */
  protected TranscodeHandler(TranscodeBackend backend) {
    this(Wiring.fromEnvironment(), backend);
  }

  private TranscodeHandler(Wiring wiring, TranscodeBackend backend) {
    this(wiring.rawUploadEvents(), wiring.transcodeService(backend));
  }

  TranscodeHandler(RawUploadEvents events, TranscodeService transcodes) {
    this.events = events;
    this.transcodes = transcodes;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    Log.invocation(context == null ? null : context.getAwsRequestId());
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : records(event)) {
      try {
        for (SourceUpload source : events.sources(message.getBody())) {
          TranscodeService.Result result = transcodes.transcode(source);
          LOG.log(Level.INFO, "{0}: {1}", source.key(), result);
        }
      } catch (Exception e) {
        LOG.log(Level.ERROR, "message " + message.getMessageId() + " failed; SQS will retry", e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  static List<SQSEvent.SQSMessage> records(SQSEvent event) {
    return event == null || event.getRecords() == null ? List.of() : event.getRecords();
  }
}
