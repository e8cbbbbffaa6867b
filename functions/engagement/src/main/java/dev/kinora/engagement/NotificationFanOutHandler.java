package dev.kinora.engagement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.kinora.shared.json.Json;
import java.lang.System.Logger.Level;
import java.util.ArrayList;

/**
 * NotificationFanOutQueue's consumer: one page of a channel's subscribers per message. A failed
 * message is reported (ReportBatchItemFailures) and redelivered; its writes are idempotent, and
 * after maxReceiveCount it moves to the dead-letter queue.
 */
public final class NotificationFanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final System.Logger LOG =
      System.getLogger(NotificationFanOutHandler.class.getName());

  private final FanOutService fanOut;

  public NotificationFanOutHandler() {
    this(Wiring.fromEnvironment().fanOutService());
  }

  NotificationFanOutHandler(FanOutService fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
    if (event.getRecords() != null) {
      for (SQSEvent.SQSMessage message : event.getRecords()) {
        try {
          fanOut.handle(Json.mapper().readValue(message.getBody(), FanOutMessage.class));
        } catch (Exception e) {
          LOG.log(Level.WARNING, "notification fan-out page failed", e);
          failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
      }
    }
    return new SQSBatchResponse(failures);
  }
}
