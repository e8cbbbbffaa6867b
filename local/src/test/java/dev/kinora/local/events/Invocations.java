package dev.kinora.local.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.LocalCloud;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads what {@link RecordingHandler} stored, and waits for things with a deadline. */
final class Invocations {
  static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Invocations() {}

  /** The events a function was invoked with, oldest first. */
  static List<JsonNode> of(LocalCloud cloud, String functionId) {
    QueryRequest query =
        QueryRequest.builder()
            .tableName(cloud.physicalName("InvocationsTable"))
            .keyConditionExpression("fn = :fn")
            .expressionAttributeValues(
                Map.of(":fn", AttributeValue.fromS(cloud.physicalName(functionId))))
            .consistentRead(true)
            .build();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    cloud.dynamoDb().queryPaginator(query).items().forEach(items::add);
    return items.stream()
        .sorted(Comparator.comparing(i -> new BigDecimal(i.get("at").n())))
        .map(i -> parse(i.get("event").s()))
        .toList();
  }

  /** Waits until the function's invocations satisfy the condition; returns them. */
  static List<JsonNode> await(
      LocalCloud cloud, String functionId, Predicate<List<JsonNode>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      List<JsonNode> events = of(cloud, functionId);
      if (condition.test(events)) {
        return events;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            functionId + " was not invoked as expected within " + DEADLINE + "; got " + events);
      }
      Thread.sleep(100);
    }
  }

  /** Receives from a queue until a message satisfies the condition (others are deleted). */
  static Message awaitMessage(LocalCloud cloud, String queueId, Predicate<Message> condition) {
    String url = cloud.queueUrl(queueId);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      for (Message message :
          cloud
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageSystemAttributeNamesWithStrings("All"))
              .messages()) {
        cloud.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        if (condition.test(message)) {
          return message;
        }
      }
    }
    throw new AssertionError("no matching message in " + queueId + " within " + DEADLINE);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
