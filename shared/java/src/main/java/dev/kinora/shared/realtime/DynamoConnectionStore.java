package dev.kinora.shared.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * ConnectionsTable (docs/data-model.md): one partition per connection, {@code sk = CONNECTION} for
 * the connection and {@code sk = VIDEO#<id>} per subscription. Subscriptions carry {@code videoId},
 * so the sparse index {@code ByVideo} holds exactly them: a publisher finds a video's connections
 * with one Query. {@code expiresAt} (TTL) outlives API Gateway's two-hour connection limit, so a
 * connection whose {@code $disconnect} never ran disappears by itself.
 */
public final class DynamoConnectionStore implements ConnectionStore {
  public static final String BY_VIDEO = "ByVideo";
  public static final String BY_USER = "ByUser";
  private static final String CONNECTION = "CONNECTION";
  private static final String VIDEO = "VIDEO#";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;
  private final Duration ttl;

  public DynamoConnectionStore(DynamoDbClient dynamoDb, String table, Clock clock, Duration ttl) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public void open(String connectionId, String userId, Instant expiresAt) {
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "connectionId", s(connectionId),
                        "sk", s(CONNECTION),
                        "userId", s(userId),
                        "subscriptions", n(0),
                        "connectedAt", s(clock.instant().toString()),
                        "expiresAt", n(expiresAt.getEpochSecond()))));
  }

  @Override
  public Optional<String> userOf(String connectionId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(key(connectionId, CONNECTION))
                        .consistentRead(true)
                        .projectionExpression("userId, expiresAt"))
            .item();
    if (item == null || !item.containsKey("userId")) {
      return Optional.empty();
    }
    // TTL deletes late (up to days on AWS): an expired item is already gone for us.
    long expiresAt = Long.parseLong(item.get("expiresAt").n());
    if (expiresAt <= clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(item.get("userId").s());
  }

  @Override
  public Subscription subscribe(String connectionId, String videoId, int maxSubscriptions) {
    var count =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(key(connectionId, CONNECTION))
                        .updateExpression("ADD subscriptions :one")
                        .conditionExpression("attribute_exists(sk) AND subscriptions < :max")
                        .expressionAttributeValues(
                            Map.of(":one", n(1), ":max", n(maxSubscriptions))))
            .build();
    var subscription =
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(
                            Map.of(
                                "connectionId", s(connectionId),
                                "sk", s(VIDEO + videoId),
                                "videoId", s(videoId),
                                "expiresAt", n(clock.instant().plus(ttl).getEpochSecond())))
                        .conditionExpression("attribute_not_exists(sk)"))
            .build();
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(count, subscription));
      return Subscription.SUBSCRIBED;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 1)) {
        return Subscription.ALREADY_SUBSCRIBED;
      }
      if (failed(reasons, 0)) {
        return userOf(connectionId).isPresent()
            ? Subscription.LIMIT_REACHED
            : Subscription.NO_CONNECTION;
      }
      throw e;
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  @Override
  public void unsubscribe(String connectionId, String videoId) {
    var delete =
        TransactWriteItem.builder()
            .delete(
                d ->
                    d.tableName(table)
                        .key(key(connectionId, VIDEO + videoId))
                        .conditionExpression("attribute_exists(sk)"))
            .build();
    var count =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(key(connectionId, CONNECTION))
                        .updateExpression("ADD subscriptions :minusOne")
                        .conditionExpression("attribute_exists(sk)")
                        .expressionAttributeValues(Map.of(":minusOne", n(-1))))
            .build();
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(delete, count));
    } catch (TransactionCanceledException notSubscribed) {
      // nothing to end: unsubscribing twice (or after the connection went) is not an error
    }
  }

  @Override
  public List<String> subscribers(String videoId) {
    var connections = new ArrayList<String>();
    Map<String, AttributeValue> start = null;
    do {
      var request =
          QueryRequest.builder()
              .tableName(table)
              .indexName(BY_VIDEO)
              .keyConditionExpression("videoId = :v")
              .expressionAttributeValues(Map.of(":v", s(videoId)))
              .exclusiveStartKey(start)
              .build();
      QueryResponse page = dynamoDb.query(request);
      page.items().forEach(item -> connections.add(item.get("connectionId").s()));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return connections;
  }

  @Override
  public List<String> connectionsOf(String userId) {
    var mine = new ArrayList<String>();
    long now = clock.instant().getEpochSecond();
    Map<String, AttributeValue> start = null;
    do {
      // only connection items carry userId, so the sparse index holds exactly them
      var request =
          QueryRequest.builder()
              .tableName(table)
              .indexName(BY_USER)
              .keyConditionExpression("userId = :u")
              .expressionAttributeValues(Map.of(":u", s(userId)))
              .exclusiveStartKey(start)
              .build();
      QueryResponse page = dynamoDb.query(request);
      for (var item : page.items()) {
        AttributeValue expiresAt = item.get("expiresAt");
        // TTL deletes late: an expired connection is already gone for us
        if (expiresAt == null || Long.parseLong(expiresAt.n()) > now) {
          mine.add(item.get("connectionId").s());
        }
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return mine;
  }

  @Override
  public void forget(String connectionId) {
    Map<String, AttributeValue> start = null;
    do {
      var request =
          QueryRequest.builder()
              .tableName(table)
              .keyConditionExpression("connectionId = :c")
              .expressionAttributeValues(Map.of(":c", s(connectionId)))
              .projectionExpression("connectionId, sk")
              .consistentRead(true)
              .exclusiveStartKey(start)
              .build();
      QueryResponse page = dynamoDb.query(request);
      // at most maxSubscriptionsPerConnection + 1 items: one delete each is simpler than batching
      for (var item : page.items()) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key(connectionId, item.get("sk").s())));
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
  }

  private static Map<String, AttributeValue> key(String connectionId, String sk) {
    return Map.of("connectionId", s(connectionId), "sk", s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
