package dev.kinora.engagement;

import dev.kinora.shared.model.NotifyPreference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Subscriptions in EngagementTable, the shape agreed with discovery: {@code pk =
 * USER#<subscriber>}, {@code sk = SUB#<channelId>}, attributes {@code channelId}, {@code
 * subscriberId}, {@code notify}, {@code createdAt}; the sparse index SubscribersByChannel ({@code
 * channelId}, {@code subscriberId}) lists a channel's subscribers. The count lives on the channel's
 * AccountsTable row ({@code CHANNEL#<id>}, {@code subscriberCount}); it moves only inside the same
 * transaction as the subscription item, conditioned on that item's previous existence.
 */
public final class DynamoSubscriptionStore implements SubscriptionStore {
  static final String BY_CHANNEL = "SubscribersByChannel";
  private static final String SUB = "SUB#";
  private static final int SUBSCRIPTION = 0;
  private static final int CHANNEL = 1;
  private static final Set<String> MINE_CURSOR = Set.of("pk", "sk");
  private static final Set<String> FAN_OUT_CURSOR = Set.of("pk", "sk", "channelId", "subscriberId");

  private final DynamoDbClient dynamoDb;
  private final String engagementTable;
  private final String accountsTable;

  public DynamoSubscriptionStore(
      DynamoDbClient dynamoDb, String engagementTable, String accountsTable) {
    this.dynamoDb = dynamoDb;
    this.engagementTable = engagementTable;
    this.accountsTable = accountsTable;
  }

  static Map<String, AttributeValue> key(String userId, String channelId) {
    return Map.of("pk", s("USER#" + userId), "sk", s(SUB + channelId));
  }

  @Override
  public Optional<StoredSubscription> find(String userId, String channelId) {
    var response =
        dynamoDb.getItem(
            r -> r.tableName(engagementTable).key(key(userId, channelId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(subscription(response.item()))
        : Optional.empty();
  }

  @Override
  public Outcome create(StoredSubscription subscription) {
    var item = new HashMap<>(key(subscription.userId(), subscription.channelId()));
    item.put("channelId", s(subscription.channelId()));
    item.put("subscriberId", s(subscription.userId()));
    item.put("notify", s(subscription.preference().text()));
    item.put("createdAt", s(subscription.createdAt().toString()));
    var put =
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(engagementTable)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)"))
            .build();
    return transact(put, count(subscription.channelId(), 1));
  }

  @Override
  public Outcome changePreference(String userId, String channelId, NotifyPreference preference) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(engagementTable)
                  .key(key(userId, channelId))
                  .updateExpression("SET #notify = :notify")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeNames(Map.of("#notify", "notify"))
                  .expressionAttributeValues(Map.of(":notify", s(preference.text()))));
      return Outcome.APPLIED;
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
      return Outcome.STALE; // unsubscribed meanwhile
    }
  }

  @Override
  public Outcome remove(String userId, String channelId) {
    var delete =
        TransactWriteItem.builder()
            .delete(
                d ->
                    d.tableName(engagementTable)
                        .key(key(userId, channelId))
                        .conditionExpression("attribute_exists(pk)"))
            .build();
    return transact(delete, count(channelId, -1));
  }

  private TransactWriteItem count(String channelId, int delta) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(accountsTable)
                    .key(channelKey(channelId))
                    .updateExpression("ADD subscriberCount :delta")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":delta", n(delta))))
        .build();
  }

  private Outcome transact(TransactWriteItem subscription, TransactWriteItem count) {
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(subscription, count));
      return Outcome.APPLIED;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, SUBSCRIPTION)) {
        return Outcome.STALE;
      }
      return failed(reasons, CHANNEL) ? Outcome.CHANNEL_MISSING : Outcome.STALE;
    } catch (TransactionConflictException e) {
      return Outcome.STALE;
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  @Override
  public Page<StoredSubscription> mine(String userId, String cursor, int limit) {
    String pk = "USER#" + userId;
    Map<String, AttributeValue> start =
        cursor == null ? null : KeyCursor.decode(cursor, MINE_CURSOR, Map.of("pk", pk));
    if (start != null && !start.get("sk").s().startsWith(SUB)) {
      throw new CommentStore.InvalidCursorException("is not a cursor of this list");
    }
    var items = new ArrayList<Map<String, AttributeValue>>();
    Map<String, AttributeValue> from = start;
    // Limit + 1: the extra item says whether there is a next page, so the last page never ends
    // with an empty one.
    do {
      var request =
          QueryRequest.builder()
              .tableName(engagementTable)
              .keyConditionExpression("pk = :pk AND begins_with(sk, :sub)")
              .expressionAttributeValues(Map.of(":pk", s(pk), ":sub", s(SUB)))
              .limit(limit + 1 - items.size())
              .exclusiveStartKey(from)
              .build();
      QueryResponse page = dynamoDb.query(request);
      items.addAll(page.items());
      from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (items.size() <= limit && from != null && !from.isEmpty());
    boolean more = items.size() > limit;
    var pageItems = more ? items.subList(0, limit) : items;
    String next = more ? KeyCursor.encode(pageItems.get(limit - 1), MINE_CURSOR) : null;
    return new Page<>(pageItems.stream().map(DynamoSubscriptionStore::subscription).toList(), next);
  }

  @Override
  public List<String> channelsOf(String userId, int max) {
    var channels = new ArrayList<String>();
    Map<String, AttributeValue> from = null;
    do {
      var request =
          QueryRequest.builder()
              .tableName(engagementTable)
              .keyConditionExpression("pk = :pk AND begins_with(sk, :sub)")
              .expressionAttributeValues(Map.of(":pk", s("USER#" + userId), ":sub", s(SUB)))
              .projectionExpression("channelId")
              .limit(max - channels.size())
              .exclusiveStartKey(from)
              .build();
      QueryResponse page = dynamoDb.query(request);
      page.items().forEach(item -> channels.add(item.get("channelId").s()));
      from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (channels.size() < max && from != null && !from.isEmpty());
    return channels;
  }

  @Override
  public SubscriberPage subscribers(String channelId, String after, int limit) {
    Map<String, AttributeValue> start =
        after == null
            ? null
            : KeyCursor.decode(after, FAN_OUT_CURSOR, Map.of("channelId", channelId));
    var request =
        QueryRequest.builder()
            .tableName(engagementTable)
            .indexName(BY_CHANNEL)
            .keyConditionExpression("channelId = :c")
            .expressionAttributeValues(Map.of(":c", s(channelId)))
            .limit(limit)
            .exclusiveStartKey(start)
            .build();
    QueryResponse page = dynamoDb.query(request);
    String next =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? KeyCursor.encode(page.lastEvaluatedKey(), FAN_OUT_CURSOR)
            : null;
    return new SubscriberPage(
        page.items().stream().map(DynamoSubscriptionStore::subscription).toList(), next);
  }

  static StoredSubscription subscription(Map<String, AttributeValue> item) {
    AttributeValue createdAt = item.get("createdAt");
    return new StoredSubscription(
        item.get("subscriberId").s(),
        item.get("channelId").s(),
        NotifyPreference.fromText(item.containsKey("notify") ? item.get("notify").s() : null),
        createdAt == null ? Instant.EPOCH : Instant.parse(createdAt.s()));
  }

  static Map<String, AttributeValue> channelKey(String channelId) {
    return Map.of("pk", s("CHANNEL#" + channelId), "sk", s("CHANNEL"));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
