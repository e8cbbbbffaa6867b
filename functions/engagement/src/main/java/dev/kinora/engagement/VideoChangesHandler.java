package dev.kinora.engagement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VideosTable stream (NEW_AND_OLD_IMAGES): a video that became listable, stopped being
 * listable, or was deleted starts a fan-out by queueing its first page on NotificationFanOutQueue.
 * Nothing else happens here, so a transcode never waits for subscribers. A record whose message
 * could not be queued is reported failed (ReportBatchItemFailures) and retried from there.
 */
public final class VideoChangesHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final System.Logger LOG = System.getLogger(VideoChangesHandler.class.getName());

  private final FanOutService fanOut;

  public VideoChangesHandler() {
    this(Wiring.fromEnvironment().fanOutService());
  }

  VideoChangesHandler(FanOutService fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    var failures = new ArrayList<StreamsEventResponse.BatchItemFailure>();
    List<DynamodbEvent.DynamodbStreamRecord> records =
        event.getRecords() == null ? List.of() : event.getRecords();
    for (var record : records) {
      try {
        var stream = record.getDynamodb();
        fanOut.start(
            VideoChange.between(row(stream.getOldImage()), row(stream.getNewImage())),
            record.getEventID());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not start a notification fan-out", e);
        failures.add(
            new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
      }
    }
    return new StreamsEventResponse(failures);
  }

  private static VideoChange.Row row(Map<String, AttributeValue> image) {
    if (image == null || image.isEmpty()) {
      return null;
    }
    return new VideoChange.Row(
        text(image, "id"),
        text(image, "channelId"),
        text(image, "visibility"),
        text(image, "status"));
  }

  private static String text(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    return value == null ? null : value.getS();
  }
}
