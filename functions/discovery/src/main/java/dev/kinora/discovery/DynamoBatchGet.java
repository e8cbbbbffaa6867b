package dev.kinora.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@code BatchGetItem} over any number of keys: 100 keys per call (DynamoDB's maximum) and the
 * unprocessed keys asked again (throttling answers some keys later rather than failing the call).
 */
final class DynamoBatchGet {
  private static final int MAX_KEYS = 100;
  private static final int MAX_ROUNDS = 10;

  private DynamoBatchGet() {}

  /** The items found, in no particular order. */
  static List<Map<String, AttributeValue>> items(
      DynamoDbClient dynamoDb,
      String table,
      List<Map<String, AttributeValue>> keys,
      String projection,
      Map<String, String> names) {
    var found = new ArrayList<Map<String, AttributeValue>>();
    for (int start = 0; start < keys.size(); start += MAX_KEYS) {
      List<Map<String, AttributeValue>> chunk =
          keys.subList(start, Math.min(keys.size(), start + MAX_KEYS));
      KeysAndAttributes.Builder request = KeysAndAttributes.builder().keys(chunk);
      if (projection != null) {
        request.projectionExpression(projection);
      }
      if (names != null && !names.isEmpty()) {
        request.expressionAttributeNames(names);
      }
      Map<String, KeysAndAttributes> pending = Map.of(table, request.build());
      for (int round = 0; !pending.isEmpty(); round++) {
        if (round >= MAX_ROUNDS) {
          throw new IllegalStateException("BatchGetItem on " + table + " kept keys unprocessed");
        }
        Map<String, KeysAndAttributes> ask = pending;
        BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(ask));
        found.addAll(response.responses().getOrDefault(table, List.of()));
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }
}
