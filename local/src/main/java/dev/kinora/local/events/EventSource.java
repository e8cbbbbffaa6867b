package dev.kinora.local.events;

import dev.kinora.local.LocalCloud;

/**
 * Something that invokes functions when things happen — an SQS event-source mapping, S3
 * notifications, a schedule, a DynamoDB stream — or that adds an endpoint to the front door (the
 * WebSocket API). Started by {@link LocalCloud} after every table, queue, bucket and function
 * exists and before the front door opens; closed, in reverse order, before the services stop.
 *
 * <p>What a source may use in {@link #start}: {@code cloud.function(id)} to invoke, {@code
 * cloud.sqs()}/{@code s3()}/{@code dynamoDb()} clients, {@code cloud.s3Events()} for object events,
 * {@code cloud.dynamoDbServer().server().addStreamListener(…)} for streams, {@code cloud.buckets()}
 * for kept notification configuration, {@code cloud.triggers()} to make a schedule fireable from
 * {@code ./kinora trigger}, and {@code cloud.frontDoor().mount(…)} to serve a path such as {@code
 * /ws} (only during start: the front door is not running yet).
 */
public interface EventSource extends AutoCloseable {
  /**
   * A short name for start-up timing and logs ("sqs", "s3-notifications", "schedules",
   * "websocket").
   */
  String name();

  void start(LocalCloud cloud) throws Exception;

  @Override
  default void close() {}
}
