package dev.kinora.engagement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * NotificationsTable (docs/data-model.md): key {@code userId} + {@code videoId} (one notification
 * per user and video, which is what makes the fan-out idempotent), the user's unread count on the
 * item {@code videoId = #UNREAD} (never a video id: those are 11 URL-safe characters). {@code
 * unreadOf} (= userId) is present only while unread, so the sparse index UnreadByUser holds exactly
 * the unread ones; ByNewest ({@code userId}, {@code createdAt}) lists newest first.
 */
public final class DynamoNotificationStore implements NotificationStore {
  static final String BY_NEWEST = "ByNewest";
  static final String UNREAD_BY_USER = "UnreadByUser";
  static final String COUNTER = "#UNREAD";
  private static final DateTimeFormatter SORTABLE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> CURSOR = Set.of("userId", "videoId", "createdAt");
  private static final int MAX_ATTEMPTS = 10;

  /** A transaction holds at most 100 items: 99 notifications and the counter. */
  private static final int MARK_ALL_BATCH = 99;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final RatingService.RetryPause pause;

  public DynamoNotificationStore(
      DynamoDbClient dynamoDb, String table, RatingService.RetryPause pause) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.pause = pause;
  }

  @Override
  public boolean add(String userId, String videoId, String channelId, Instant at) {
    var item = new HashMap<String, AttributeValue>();
    item.put("userId", s(userId));
    item.put("videoId", s(videoId));
    item.put("channelId", s(channelId));
    item.put("kind", s("upload"));
    item.put("createdAt", s(SORTABLE_TIME.format(at)));
    item.put("unreadOf", s(userId));
    var put =
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(videoId)"))
            .build();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(put, count(userId, 1)));
        return true;
      } catch (TransactionCanceledException e) {
        if (failed(e.cancellationReasons(), 0)) {
          return false; // already notified: a redelivery
        }
      } catch (TransactionConflictException e) {
        // the counter is busy (a mark-read of the same user): try again
      }
    }
    throw new IllegalStateException("could not notify " + userId + " of " + videoId);
  }

  @Override
  public void withdraw(String userId, String videoId) {
    var hide =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(key(userId, videoId))
                        .updateExpression("REMOVE unreadOf")
                        .conditionExpression("attribute_exists(unreadOf)"))
            .build();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(hide, count(userId, -1)));
        return;
      } catch (TransactionCanceledException e) {
        if (failed(e.cancellationReasons(), 0)) {
          return; // read already, or never notified: nothing counts
        }
      } catch (TransactionConflictException e) {
        // the counter is busy: try again
      }
    }
    throw new IllegalStateException("could not withdraw " + videoId + " from " + userId);
  }

  @Override
  public void delete(String userId, String videoId) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      var deleteUnread =
          TransactWriteItem.builder()
              .delete(
                  d ->
                      d.tableName(table)
                          .key(key(userId, videoId))
                          .conditionExpression("attribute_exists(unreadOf)"))
              .build();
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(deleteUnread, count(userId, -1)));
        return;
      } catch (TransactionCanceledException e) {
        if (!failed(e.cancellationReasons(), 0)) {
          continue; // conflict on the counter
        }
      } catch (TransactionConflictException e) {
        continue;
      }
      try {
        // read (or absent): nothing to count; the condition keeps a concurrent add's unread
        // notification from disappearing uncounted
        dynamoDb.deleteItem(
            r ->
                r.tableName(table)
                    .key(key(userId, videoId))
                    .conditionExpression("attribute_not_exists(unreadOf)"));
        return;
      } catch (ConditionalCheckFailedException e) {
        // became unread meanwhile: take the counted path again
      }
    }
    throw new IllegalStateException("could not delete " + videoId + " for " + userId);
  }

  @Override
  public Page<StoredNotification> newest(String userId, String cursor, int limit) {
    Map<String, AttributeValue> from =
        cursor == null ? null : KeyCursor.decode(cursor, CURSOR, Map.of("userId", userId));
    var items = new ArrayList<Map<String, AttributeValue>>();
    do {
      var request =
          QueryRequest.builder()
              .tableName(table)
              .indexName(BY_NEWEST)
              .keyConditionExpression("userId = :u")
              .expressionAttributeValues(Map.of(":u", s(userId)))
              .scanIndexForward(false)
              .limit(limit + 1 - items.size())
              .exclusiveStartKey(from)
              .build();
      QueryResponse page = dynamoDb.query(request);
      items.addAll(page.items());
      from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (items.size() <= limit && from != null && !from.isEmpty());
    boolean more = items.size() > limit;
    var pageItems = more ? items.subList(0, limit) : items;
    String next = more ? KeyCursor.encode(pageItems.get(limit - 1), CURSOR) : null;
    return new Page<>(pageItems.stream().map(DynamoNotificationStore::notification).toList(), next);
  }

  @Override
  public long unreadCount(String userId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(key(userId, COUNTER))
                    .consistentRead(true)
                    .projectionExpression("unread"));
    AttributeValue unread = response.hasItem() ? response.item().get("unread") : null;
    return unread == null ? 0 : Math.max(0, Long.parseLong(unread.n()));
  }

  @Override
  public Optional<Boolean> markRead(String userId, String videoId, Instant at) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      try {
        dynamoDb.transactWriteItems(
            r -> r.transactItems(read(userId, videoId, at), count(userId, -1)));
        return Optional.of(true);
      } catch (TransactionCanceledException e) {
        if (failed(e.cancellationReasons(), 0)) {
          // already read, or no such notification
          var item =
              dynamoDb
                  .getItem(
                      r ->
                          r.tableName(table)
                              .key(key(userId, videoId))
                              .consistentRead(true)
                              .projectionExpression("videoId"))
                  .item();
          return item == null || item.isEmpty() ? Optional.empty() : Optional.of(false);
        }
      } catch (TransactionConflictException e) {
        // the counter is busy: try again
      }
    }
    throw new IllegalStateException("could not mark " + videoId + " read for " + userId);
  }

  @Override
  public void markAllRead(String userId, Instant at) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS * 10; attempt++) {
      var request =
          QueryRequest.builder()
              .tableName(table)
              .indexName(UNREAD_BY_USER)
              .keyConditionExpression("unreadOf = :u")
              .expressionAttributeValues(Map.of(":u", s(userId)))
              .limit(MARK_ALL_BATCH)
              .build();
      List<Map<String, AttributeValue>> unread = dynamoDb.query(request).items();
      if (unread.isEmpty()) {
        return;
      }
      var writes = new ArrayList<TransactWriteItem>();
      for (var item : unread) {
        writes.add(read(userId, item.get("videoId").s(), at));
      }
      writes.add(count(userId, -unread.size()));
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(writes));
      } catch (TransactionCanceledException | TransactionConflictException e) {
        // one was marked read meanwhile (the index lags the table), or the counter was busy:
        // nothing was written; ask the index again
        pause.before(Math.min(attempt + 1, 10));
      }
    }
    throw new IllegalStateException("could not mark all read for " + userId);
  }

  private TransactWriteItem read(String userId, String videoId, Instant at) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key(userId, videoId))
                    .updateExpression("REMOVE unreadOf SET readAt = :at")
                    .conditionExpression("attribute_exists(unreadOf)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()))))
        .build();
  }

  private TransactWriteItem count(String userId, int delta) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key(userId, COUNTER))
                    .updateExpression("ADD unread :delta")
                    .expressionAttributeValues(
                        Map.of(":delta", AttributeValue.fromN(Integer.toString(delta)))))
        .build();
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  static StoredNotification notification(Map<String, AttributeValue> item) {
    return new StoredNotification(
        item.get("userId").s(),
        item.get("videoId").s(),
        item.get("channelId").s(),
        !item.containsKey("unreadOf"),
        Instant.parse(item.get("createdAt").s()));
  }

  private static Map<String, AttributeValue> key(String userId, String videoId) {
    return Map.of("userId", s(userId), "videoId", s(videoId));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
