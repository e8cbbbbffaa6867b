package dev.kinora.local.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.handlers.TestAwsClients;
import dev.kinora.shared.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The test stack's only handler: stores the raw event it was invoked with in {@code RECORD_TABLE}
 * (by function name and request id), then behaves as {@code MODE} says — {@code record} succeeds,
 * {@code fail} throws, {@code reject-marked} reports every SQS record whose body contains "reject"
 * as a batch item failure.
 */
public final class RecordingHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String mode;

  public RecordingHandler() {
    Config config = Config.fromEnvironment();
    this.table = config.require("RECORD_TABLE");
    this.mode = config.require("MODE");
    this.dynamoDb = TestAwsClients.dynamoDb(config);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    Instant now = Instant.now();
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "fn", AttributeValue.fromS(context.getFunctionName()),
                        "requestId", AttributeValue.fromS(context.getAwsRequestId()),
                        "at",
                            AttributeValue.fromN(
                                String.valueOf(
                                    now.getEpochSecond() * 1_000_000_000L + now.getNano())),
                        "event", AttributeValue.fromS(event))));
    switch (mode) {
      case "fail" -> throw new IllegalStateException("this handler always fails");
      case "reject-marked" -> output.write(rejectMarked(JSON.readTree(event)));
      default -> output.write("{}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] rejectMarked(JsonNode event) throws IOException {
    ObjectNode response = JSON.createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (JsonNode record : event.path("Records")) {
      if (record.path("body").asText().contains("reject")) {
        failures.addObject().put("itemIdentifier", record.path("messageId").asText());
      }
    }
    return JSON.writeValueAsBytes(response);
  }
}
