package dev.kinora.videos;

import dev.kinora.shared.discovery.ViewBuckets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Views counted in one {@code TransactWriteItems}: a dedup marker in ViewMarkersTable ({@code pk} =
 * video id + hashed viewer key, TTL {@code expiresAt}) put only if there is none or it has expired
 * (TTL deletes late, so the condition reads the time itself), and {@code ADD viewCount :one} on the
 * video. Both happen or neither: a repeat within the window changes nothing, every counted view is
 * in the counter exactly once. Concurrent viewers of one video touch the same counter item;
 * DynamoDB may cancel such transactions with {@code TransactionConflict}, which is retried with
 * jittered backoff (the marker condition makes a retry safe).
 *
 * <p>The same transaction {@code ADD}s the view into its hourly bucket in DiscoveryTable ({@link
 * ViewBuckets}), unconditionally, so trending counts exactly the views the counter counts.
 */
public final class DynamoViewLedger implements ViewLedger {
  private static final int MAX_ATTEMPTS = 8;
  private static final long BACKOFF_MILLIS = 10;

  private final DynamoDbClient dynamoDb;
  private final String markersTable;
  private final String videosTable;
  private final String bucketsTable;
  private final ViewBuckets buckets;

  public DynamoViewLedger(
      DynamoDbClient dynamoDb,
      String markersTable,
      String videosTable,
      String bucketsTable,
      ViewBuckets buckets) {
    this.dynamoDb = dynamoDb;
    this.markersTable = markersTable;
    this.videosTable = videosTable;
    this.bucketsTable = bucketsTable;
    this.buckets = buckets;
  }

  @Override
  public OptionalLong countOnce(String videoId, String viewerKey, Instant now, Duration window) {
    long nowSeconds = now.getEpochSecond();
    Put marker =
        Put.builder()
            .tableName(markersTable)
            .item(
                Map.of(
                    "pk", AttributeValue.fromS(videoId + "#" + hash(viewerKey)),
                    "expiresAt",
                        AttributeValue.fromN(Long.toString(nowSeconds + window.toSeconds()))))
            .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
            .expressionAttributeValues(
                Map.of(":now", AttributeValue.fromN(Long.toString(nowSeconds))))
            .build();
    Update counter =
        Update.builder()
            .tableName(videosTable)
            .key(Map.of("id", AttributeValue.fromS(videoId)))
            .updateExpression("ADD viewCount :one")
            .conditionExpression("attribute_exists(id)")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
            .build();
    Update bucket =
        Update.builder()
            .tableName(bucketsTable)
            .key(buckets.key(videoId, now))
            .updateExpression("ADD #views :one SET expiresAt = :expires")
            .expressionAttributeNames(Map.of("#views", "views"))
            .expressionAttributeValues(
                Map.of(
                    ":one", AttributeValue.fromN("1"),
                    ":expires", AttributeValue.fromN(Long.toString(buckets.expiresAt(now)))))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(
            r ->
                r.transactItems(
                    TransactWriteItem.builder().put(marker).build(),
                    TransactWriteItem.builder().update(counter).build(),
                    TransactWriteItem.builder().update(bucket).build()));
        return OptionalLong.of(viewCount(videoId));
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (failed(reasons, 0, "ConditionalCheckFailed")) {
          return OptionalLong.empty();
        }
        if (failed(reasons, 1, "ConditionalCheckFailed")) {
          throw VideoService.notFound(); // deleted while this viewer watched
        }
        if (attempt >= MAX_ATTEMPTS || !conflict(reasons)) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }

  @Override
  public long viewCount(String videoId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(videosTable)
                        .key(Map.of("id", AttributeValue.fromS(videoId)))
                        .projectionExpression("viewCount")
                        .consistentRead(true))
            .item();
    AttributeValue count = item == null ? null : item.get("viewCount");
    return count == null || count.n() == null ? 0 : Long.parseLong(count.n());
  }

  /** The viewer key hashed: the table holds no user ids, cookies or IP addresses. */
  static String hash(String viewerKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(viewerKey.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index, String code) {
    return reasons != null && reasons.size() > index && code.equals(reasons.get(index).code());
  }

  private static boolean conflict(List<CancellationReason> reasons) {
    return reasons != null
        && reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
  }

  private static void backOff(int attempt) {
    long ceiling = BACKOFF_MILLIS << Math.min(attempt, 6);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a view", e);
    }
  }
}
