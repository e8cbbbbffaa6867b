package dev.kinora.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.LocalAws;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.InvocationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One SQS event-source mapping's poller, on its own virtual thread: long-poll, gather a batch
 * (BatchSize, MaximumBatchingWindowInSeconds), invoke synchronously with the real SQS event, delete
 * what succeeded. Nothing is deleted when the function fails or times out.
 */
final class SqsPoller implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LONG_POLL_SECONDS = 20;
  private static final int MAX_PER_RECEIVE = 10;

  /** System attributes Lambda copies into each record's {@code attributes}. */
  private static final Set<String> RECORD_ATTRIBUTES =
      Set.of(
          "ApproximateReceiveCount",
          "SentTimestamp",
          "SenderId",
          "ApproximateFirstReceiveTimestamp",
          "SequenceNumber",
          "MessageGroupId",
          "MessageDeduplicationId",
          "AWSTraceHeader",
          "DeadLetterQueueSourceArn");

  private final LocalCloud cloud;
  private final String functionId;
  private final String queueUrl;
  private final String queueArn;
  private final int batchSize;
  private final Duration window;
  private final boolean reportBatchItemFailures;
  private volatile boolean running = true;
  private Thread thread;

  SqsPoller(
      LocalCloud cloud,
      String functionId,
      String queueUrl,
      String queueArn,
      int batchSize,
      Duration window,
      boolean reportBatchItemFailures) {
    this.cloud = cloud;
    this.functionId = functionId;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.batchSize = Math.max(1, batchSize);
    this.window = window;
    this.reportBatchItemFailures = reportBatchItemFailures;
  }

  void start() {
    thread = Thread.ofVirtual().name("sqs-poller-" + functionId).start(this);
  }

  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  void awaitStopped() {
    if (thread == null) {
      return;
    }
    try {
      if (!thread.join(Duration.ofSeconds(5))) {
        cloud.logs().println("[events] sqs poller of " + functionId + " did not stop in 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    while (running) {
      try {
        List<Message> batch = receiveBatch();
        if (!batch.isEmpty() && running) {
          deliver(batch);
        }
      } catch (RuntimeException e) { // SDK errors, a queue gone: keep polling
        if (!running) {
          return;
        }
        cloud.logs().println("[events] sqs poller of " + functionId + ": " + e.getMessage());
        pause(Duration.ofSeconds(1));
      }
    }
  }

  private List<Message> receiveBatch() {
    List<Message> batch = new ArrayList<>(receive(LONG_POLL_SECONDS));
    if (batch.isEmpty()) {
      return batch;
    }
    long deadline = System.nanoTime() + window.toNanos();
    while (running && batch.size() < batchSize && System.nanoTime() < deadline) {
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
      int wait = (int) Math.min(LONG_POLL_SECONDS, Math.max(0, (remainingMillis + 999) / 1000));
      batch.addAll(receive(wait, batchSize - batch.size()));
    }
    return batch;
  }

  private List<Message> receive(int waitSeconds) {
    return receive(waitSeconds, batchSize);
  }

  private List<Message> receive(int waitSeconds, int wanted) {
    return cloud
        .sqs()
        .receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(Math.min(MAX_PER_RECEIVE, Math.max(1, wanted)))
                    .waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNamesWithStrings("All")
                    .messageAttributeNames("All"))
        .messages();
  }

  private void deliver(List<Message> batch) {
    Set<String> ids = new LinkedHashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    InvocationResult result = cloud.function(functionId).invoke(event(batch));
    Set<String> failed;
    if (result instanceof InvocationResult.Failure failure) {
      log(batch.size() + " message(s) left for redelivery: " + failure.errorType());
      return;
    } else if (reportBatchItemFailures) {
      switch (BatchResponse.read(result.payload(), ids)) {
        case BatchResponse.AllSucceeded ignored -> failed = Set.of();
        case BatchResponse.AllFailed all -> {
          log("whole batch of " + batch.size() + " failed: " + all.reason());
          return;
        }
        case BatchResponse.SomeFailed some -> failed = some.itemIdentifiers();
      }
    } else {
      failed = Set.of();
    }
    List<Message> done = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
    delete(done);
    if (!failed.isEmpty()) {
      log(
          failed.size()
              + " of "
              + batch.size()
              + " message(s) reported failed, left for redelivery");
    }
  }

  private void delete(List<Message> messages) {
    for (int from = 0; from < messages.size(); from += MAX_PER_RECEIVE) {
      List<Message> chunk =
          messages.subList(from, Math.min(messages.size(), from + MAX_PER_RECEIVE));
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id(String.valueOf(i))
                .receiptHandle(chunk.get(i).receiptHandle())
                .build());
      }
      var response = cloud.sqs().deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
      if (response.hasFailed() && !response.failed().isEmpty()) {
        log("could not delete " + response.failed().size() + " message(s): " + response.failed());
      }
    }
  }

  /** The event Lambda sends for an SQS batch (aws-lambda-java-events {@code SQSEvent}). */
  String event(List<Message> batch) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : batch) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      ObjectNode attributes = record.putObject("attributes");
      message.attributesAsStrings().entrySet().stream()
          .filter(a -> RECORD_ATTRIBUTES.contains(a.getKey()))
          .sorted(Map.Entry.comparingByKey())
          .forEach(a -> attributes.put(a.getKey(), a.getValue()));
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      message
          .messageAttributes()
          .forEach((name, value) -> messageAttributes.set(name, attribute(value)));
      record.put("md5OfBody", message.md5OfBody());
      if (message.md5OfMessageAttributes() != null) {
        record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
      }
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", LocalAws.REGION);
    }
    return event.toString();
  }

  /** Lambda's shape of a message attribute: lower camel case, list fields always present. */
  private static ObjectNode attribute(MessageAttributeValue value) {
    ObjectNode node = JSON.createObjectNode();
    if (value.stringValue() != null) {
      node.put("stringValue", value.stringValue());
    }
    if (value.binaryValue() != null) {
      node.put("binaryValue", base64(value.binaryValue()));
    }
    ArrayNode strings = node.putArray("stringListValues");
    value.stringListValues().forEach(strings::add);
    ArrayNode binaries = node.putArray("binaryListValues");
    value.binaryListValues().forEach(b -> binaries.add(base64(b)));
    node.put("dataType", value.dataType());
    return node;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }

  private void log(String message) {
    cloud.logs().println("[events] sqs " + functionId + ": " + message);
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      running = false;
    }
  }
}
