package dev.kinora.local.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.dynamodb.StreamRecord;
import dev.kinora.local.LocalAws;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * SAM {@code Type: DynamoDB} function events as stream event-source mappings: the table's stream
 * records (from the server's stream listener, in commit order) are batched (BatchSize default 100,
 * MaximumBatchingWindowInSeconds) and the function is invoked synchronously with the real DynamoDB
 * Streams event, one batch at a time, so order is kept. A failed batch is retried (from the lowest
 * failed SequenceNumber with ReportBatchItemFailures); after {@code MaximumRetryAttempts} retries
 * (locally at most {@value #LOCAL_RETRY_LIMIT}, where AWS retries until the record expires) the
 * batch is logged and dropped.
 */
public final class DynamoDbStreams implements EventSource {
  static final int LOCAL_RETRY_LIMIT = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Consumer> consumers = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "dynamodb-streams";
  }

  @Override
  public void start(LocalCloud cloud) {
    List<EventMapping> mappings = EventMapping.of(cloud, Set.of("DynamoDB"));
    if (mappings.isEmpty()) {
      return;
    }
    if (!cloud.embeddedServices()) {
      cloud.logs().println("[events] DynamoDB stream mappings need the embedded DynamoDB: skipped");
      return;
    }
    for (EventMapping mapping : mappings) {
      String streamArn = mapping.string("Stream");
      String table = tableOf(streamArn);
      if (table == null) {
        cloud.logs().println("[events] " + mapping.label() + ": not a stream ARN: " + streamArn);
        continue;
      }
      if (!mapping.enabled()) {
        cloud.logs().println("[events] " + mapping.label() + ": disabled (Enabled: false)");
        continue;
      }
      int retries = mapping.integer("MaximumRetryAttempts", -1);
      Consumer consumer =
          new Consumer(
              cloud,
              mapping.functionId(),
              table,
              streamArn,
              mapping.integer("BatchSize", 100),
              Duration.ofSeconds(mapping.integer("MaximumBatchingWindowInSeconds", 0)),
              mapping.reportsBatchItemFailures(),
              retries < 0 ? LOCAL_RETRY_LIMIT : Math.min(retries, LOCAL_RETRY_LIMIT));
      consumers.add(consumer);
    }
    cloud
        .dynamoDbServer()
        .server()
        .addStreamListener(
            record -> {
              for (Consumer consumer : consumers) {
                if (consumer.table.equals(record.tableName())) {
                  consumer.records.add(record);
                }
              }
            });
    consumers.forEach(Consumer::start);
  }

  /** {@code arn:aws:dynamodb:region:account:table/NAME/stream/LABEL} → NAME. */
  static String tableOf(String streamArn) {
    if (streamArn == null) {
      return null;
    }
    int table = streamArn.indexOf(":table/");
    int stream = streamArn.indexOf("/stream/");
    return table < 0 || stream < table ? null : streamArn.substring(table + 7, stream);
  }

  @Override
  public void close() {
    consumers.forEach(Consumer::stop);
    consumers.forEach(Consumer::awaitStopped);
    consumers.clear();
  }

  /** One mapping: a queue of records and the virtual thread that invokes the function. */
  private static final class Consumer implements Runnable {
    private final LocalCloud cloud;
    private final String functionId;
    private final String table;
    private final String streamArn;
    private final int batchSize;
    private final Duration window;
    private final boolean reportBatchItemFailures;
    private final int retries;
    private final BlockingQueue<StreamRecord> records = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread thread;

    Consumer(
        LocalCloud cloud,
        String functionId,
        String table,
        String streamArn,
        int batchSize,
        Duration window,
        boolean reportBatchItemFailures,
        int retries) {
      this.cloud = cloud;
      this.functionId = functionId;
      this.table = table;
      this.streamArn = streamArn;
      this.batchSize = Math.max(1, batchSize);
      this.window = window;
      this.reportBatchItemFailures = reportBatchItemFailures;
      this.retries = retries;
    }

    void start() {
      thread = Thread.ofVirtual().name("dynamodb-stream-" + functionId).start(this);
    }

    void stop() {
      running = false;
      if (thread != null) {
        thread.interrupt();
      }
    }

    void awaitStopped() {
      try {
        if (thread != null && !thread.join(Duration.ofSeconds(5))) {
          cloud.logs().println("[events] stream consumer of " + functionId + " did not stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      try {
        while (running) {
          StreamRecord first = records.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          List<StreamRecord> batch = new ArrayList<>(List.of(first));
          long deadline = System.nanoTime() + window.toNanos();
          while (batch.size() < batchSize) {
            long left = deadline - System.nanoTime();
            StreamRecord next =
                left > 0 ? records.poll(left, TimeUnit.NANOSECONDS) : records.poll();
            if (next == null) {
              break;
            }
            batch.add(next);
          }
          deliver(batch);
        }
      } catch (InterruptedException e) {
        // stopping
      }
    }

    private void deliver(List<StreamRecord> batch) throws InterruptedException {
      List<StreamRecord> pending = batch;
      for (int attempt = 0; running; attempt++) {
        InvocationResult result = cloud.function(functionId).invoke(event(pending));
        String why;
        if (result instanceof InvocationResult.Failure failure) {
          why = failure.errorType() + ": " + failure.errorMessage();
        } else if (!reportBatchItemFailures) {
          return;
        } else {
          Set<String> sequenceNumbers = new LinkedHashSet<>();
          pending.forEach(r -> sequenceNumbers.add(sequenceNumber(r)));
          switch (BatchResponse.read(result.payload(), sequenceNumbers)) {
            case BatchResponse.AllSucceeded ignored -> {
              return;
            }
            case BatchResponse.AllFailed all -> why = all.reason();
            case BatchResponse.SomeFailed some -> {
              // Lambda checkpoints before the lowest failed record and retries from there
              String lowest = some.itemIdentifiers().stream().min(String::compareTo).orElseThrow();
              pending =
                  pending.stream().filter(r -> sequenceNumber(r).compareTo(lowest) >= 0).toList();
              why = some.itemIdentifiers().size() + " record(s) reported failed";
            }
          }
        }
        if (attempt >= retries) {
          cloud
              .logs()
              .printf(
                  "[events] stream %s → %s: %d record(s) dropped after %d retries (%s)%n",
                  table, functionId, pending.size(), retries, why);
          return;
        }
        Thread.sleep(Duration.ofMillis(200L << Math.min(attempt, 4)));
      }
    }

    private String event(List<StreamRecord> batch) {
      ObjectNode event = JSON.createObjectNode();
      ArrayNode records = event.putArray("Records");
      for (StreamRecord record : batch) {
        records.add(record(record));
      }
      return event.toString();
    }

    private ObjectNode record(StreamRecord record) {
      ObjectNode node = JSON.createObjectNode();
      node.put("eventID", record.eventId().replace("-", ""));
      node.put("eventName", record.eventName());
      node.put("eventVersion", "1.1");
      node.put("eventSource", "aws:dynamodb");
      node.put("awsRegion", LocalAws.REGION);
      ObjectNode dynamodb = node.putObject("dynamodb");
      dynamodb.put(
          "ApproximateCreationDateTime", record.approximateCreationTime().getEpochSecond());
      JsonNode keys = tree(record.keysJson());
      JsonNode newImage = tree(record.newImageJson());
      JsonNode oldImage = tree(record.oldImageJson());
      dynamodb.set("Keys", keys);
      if (newImage != null) {
        dynamodb.set("NewImage", newImage);
      }
      if (oldImage != null) {
        dynamodb.set("OldImage", oldImage);
      }
      dynamodb.put("SequenceNumber", sequenceNumber(record));
      dynamodb.put("SizeBytes", size(keys) + size(newImage) + size(oldImage));
      dynamodb.put("StreamViewType", record.streamViewType());
      node.put("eventSourceARN", streamArn);
      if (record.removedByTtl()) {
        ObjectNode identity = node.putObject("userIdentity");
        identity.put("type", "Service");
        identity.put("principalId", "dynamodb.amazonaws.com");
      }
      return node;
    }
  }

  /** Numeric strings of equal length, so they compare like the numbers (real ones do too). */
  static String sequenceNumber(StreamRecord record) {
    return String.format(Locale.ROOT, "4%020d", record.sequenceNumber());
  }

  private static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stream record is not JSON: " + json, e);
    }
  }

  /** Roughly DynamoDB's item size: attribute names plus values, in bytes. */
  private static long size(JsonNode item) {
    if (item == null) {
      return 0;
    }
    long size = 0;
    for (Map.Entry<String, JsonNode> field : item.properties()) {
      size += field.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(field.getValue());
    }
    return size;
  }

  private static long valueSize(JsonNode typed) {
    long size = 0;
    for (Map.Entry<String, JsonNode> type : typed.properties()) {
      JsonNode value = type.getValue();
      size +=
          switch (type.getKey()) {
            case "M" -> 3 + size(value);
            case "L" -> {
              long list = 3;
              for (JsonNode element : value) {
                list += 1 + valueSize(element);
              }
              yield list;
            }
            case "BOOL", "NULL" -> 1;
            default -> {
              long scalars = 0;
              Iterable<JsonNode> values = value.isArray() ? value : List.of(value);
              for (JsonNode scalar : values) {
                scalars += scalar.asText().getBytes(StandardCharsets.UTF_8).length;
              }
              yield scalars;
            }
          };
    }
    return size;
  }
}
