package dev.kinora.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

@KinoraCloud(template = "classpath:events-sources/template.yaml")
class SqsEventSourceMappingsTest {

  /** Cold starts take seconds locally; warm the consumers so no delivery outlives visibility. */
  @BeforeAll
  static void warmUp(LocalCloud cloud) {
    for (String function : List.of("EchoFunction", "FailingFunction", "PartialFunction")) {
      cloud.invoke(function, "{\"Records\":[]}");
    }
  }

  @Test
  void sqsMessageInvokesTheFunctionWithTheRealEventShape(LocalCloud cloud) throws Exception {
    String body = "{\"videoId\":\"" + UUID.randomUUID() + "\"}";
    String messageId =
        cloud
            .sqs()
            .sendMessage(
                r ->
                    r.queueUrl(cloud.queueUrl("EchoQueue"))
                        .messageBody(body)
                        .messageAttributes(
                            Map.of(
                                "origin",
                                MessageAttributeValue.builder()
                                    .dataType("String")
                                    .stringValue("upload")
                                    .build())))
            .messageId();

    JsonNode event =
        Invocations.await(cloud, "EchoFunction", events -> containing(events, body) != null)
            .stream()
            .filter(e -> e.toString().contains(messageId))
            .findFirst()
            .orElseThrow();

    JsonNode record = containing(List.of(event), body);
    assertThat(record.path("messageId").asText()).isEqualTo(messageId);
    assertThat(record.path("receiptHandle").asText()).isNotEmpty();
    assertThat(record.path("body").asText()).isEqualTo(body);
    assertThat(record.path("md5OfBody").asText()).matches("[0-9a-f]{32}");
    assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(record.path("eventSourceARN").asText())
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + cloud.physicalName("EchoQueue"));
    assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
    JsonNode attributes = record.path("attributes");
    assertThat(attributes.path("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(attributes.path("SentTimestamp").asText()).matches("\\d{13}");
    assertThat(attributes.path("ApproximateFirstReceiveTimestamp").asText()).matches("\\d{13}");
    assertThat(attributes.has("SenderId")).isTrue();
    JsonNode origin = record.path("messageAttributes").path("origin");
    assertThat(origin.path("stringValue").asText()).isEqualTo("upload");
    assertThat(origin.path("dataType").asText()).isEqualTo("String");
    assertThat(origin.path("stringListValues").isArray()).isTrue();
    assertThat(origin.path("binaryListValues").isArray()).isTrue();

    SQSEvent typed =
        LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
            .fromJson(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));
    SQSEvent.SQSMessage message =
        typed.getRecords().stream()
            .filter(m -> m.getMessageId().equals(messageId))
            .findFirst()
            .orElseThrow();
    assertThat(message.getBody()).isEqualTo(body);
    assertThat(message.getEventSourceArn()).endsWith(cloud.physicalName("EchoQueue"));
    assertThat(message.getMessageAttributes().get("origin").getStringValue()).isEqualTo("upload");

    awaitEmpty(cloud, "EchoQueue");
  }

  @Test
  void handlerThatFailsThreeTimesSendsTheMessageToTheDlq(LocalCloud cloud) throws Exception {
    String body = "poison-" + UUID.randomUUID();
    cloud.sqs().sendMessage(r -> r.queueUrl(cloud.queueUrl("PoisonQueue")).messageBody(body));

    var dead = Invocations.awaitMessage(cloud, "PoisonDeadLetterQueue", m -> m.body().equals(body));

    assertThat(dead.body()).isEqualTo(body);
    List<JsonNode> attempts =
        Invocations.of(cloud, "FailingFunction").stream()
            .filter(e -> containing(List.of(e), body) != null)
            .toList();
    assertThat(attempts).as("maxReceiveCount 3: three deliveries, then the DLQ").hasSize(3);
    assertThat(attempts)
        .extracting(
            e ->
                containing(List.of(e), body)
                    .path("attributes")
                    .path("ApproximateReceiveCount")
                    .asText())
        .containsExactly("1", "2", "3");
  }

  @Test
  void partialBatchFailureRetriesOnlyTheFailedRecord(LocalCloud cloud) throws Exception {
    String run = UUID.randomUUID().toString();
    String queue = cloud.queueUrl("PartialQueue");
    cloud
        .sqs()
        .sendMessageBatch(
            r ->
                r.queueUrl(queue)
                    .entries(
                        entry("1", "ok-1 " + run),
                        entry("2", "reject " + run),
                        entry("3", "ok-2 " + run)));

    List<JsonNode> events =
        Invocations.await(
            cloud,
            "PartialFunction",
            all ->
                all.stream().filter(e -> containing(List.of(e), "reject " + run) != null).count()
                    >= 2);

    List<List<String>> batches =
        events.stream()
            .map(
                e ->
                    StreamSupport.stream(e.path("Records").spliterator(), false)
                        .map(r -> r.path("body").asText())
                        .filter(b -> b.endsWith(run))
                        .toList())
            .filter(b -> !b.isEmpty())
            .toList();
    assertThat(batches.get(0))
        .as("one batch within the batching window")
        .containsExactlyInAnyOrder("ok-1 " + run, "reject " + run, "ok-2 " + run);
    assertThat(batches.get(1)).containsExactly("reject " + run);
    assertThat(batches.stream().flatMap(List::stream).filter(b -> b.startsWith("ok-")))
        .as("the records that succeeded were deleted, never redelivered")
        .hasSize(2);
    Map<QueueAttributeName, String> counts =
        cloud
            .sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queue)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    assertThat(
            Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(
                    counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)))
        .as("at most the rejected message is left")
        .isLessThanOrEqualTo(1);
  }

  private static SendMessageBatchRequestEntry entry(String id, String body) {
    return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
  }

  /** The record with this body in any of the events, or null. */
  private static JsonNode containing(List<JsonNode> events, String body) {
    for (JsonNode event : events) {
      for (JsonNode record : event.path("Records")) {
        if (record.path("body").asText().equals(body)) {
          return record;
        }
      }
    }
    return null;
  }

  private static void awaitEmpty(LocalCloud cloud, String queueId) throws InterruptedException {
    long deadline = System.nanoTime() + Invocations.DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      var attributes =
          cloud
              .sqs()
              .getQueueAttributes(
                  r ->
                      r.queueUrl(cloud.queueUrl(queueId))
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              .attributes();
      if ("0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
          && "0"
              .equals(
                  attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(queueId + " still holds messages: the mapping did not delete them");
  }
}
