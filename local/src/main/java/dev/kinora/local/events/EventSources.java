package dev.kinora.local.events;

import dev.kinora.local.websocket.WebSocketApis;
import java.util.List;

/**
 * The event sources every local cloud starts unless told otherwise. Add new ones here (SQS
 * mappings, S3 → SQS notifications, schedules, DynamoDB streams, the WebSocket API); a test or tool
 * can add more through {@code LocalCloud.builder().eventSource(…)}.
 */
public final class EventSources {
  private EventSources() {}

  public static List<EventSource> defaults() {
    return List.of(
        new SqsEventSourceMappings(),
        new S3Notifications(),
        new Schedules(),
        new DynamoDbStreams(),
        new WebSocketApis());
  }
}
