package dev.kinora.uploads;

import dev.kinora.shared.model.UploadStatus;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoMetadata;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Upload sessions in {@code UploadsTable} and their videos in {@code VideosTable}
 * (docs/data-model.md). Every state change is one {@code TransactWriteItems} over the session and
 * its video, each guarded by a condition, so the session's state machine (active → completed |
 * cancelled | expired) and the video's (uploading → processing, or deleted) never disagree.
 *
 * <p>The sparse index {@code Pending} holds exactly the sessions the expiry job must look at: the
 * attribute {@code pending} exists while a session is active or completed but not yet assembled,
 * and {@code dueAt} (epoch seconds) says from when: the expiry of an active session, the completion
 * time of a completing one. Terminal sessions get {@code purgeAt} (the TTL attribute), one session
 * lifetime after their expiry, so a repeated complete or cancel still answers 409 meanwhile.
 */
public final class DynamoUploadStore implements UploadStore {
  static final String PENDING_INDEX = "Pending";
  private static final String PENDING = "PENDING";
  private static final String ACTIVE = "active";
  private static final String UPLOADING = "uploading";

  private final DynamoDbClient dynamoDb;
  private final String uploadsTable;
  private final String videosTable;
  private final Duration retention;

  /**
   * @param retention how long a finished session is kept after its expiry (the session lifetime)
   */
  public DynamoUploadStore(
      DynamoDbClient dynamoDb, String uploadsTable, String videosTable, Duration retention) {
    this.dynamoDb = dynamoDb;
    this.uploadsTable = uploadsTable;
    this.videosTable = videosTable;
    this.retention = retention;
  }

  @Override
  public void create(Upload upload, String placeholderTitle, Instant now) {
    var session = new HashMap<String, AttributeValue>();
    session.put("id", s(upload.id()));
    session.put("ownerId", s(upload.ownerId()));
    session.put("channelId", s(upload.channelId()));
    session.put("videoId", s(upload.videoId()));
    session.put("filename", s(upload.filename()));
    session.put("fileSize", n(upload.fileSize()));
    session.put("mimeType", s(upload.mimeType()));
    session.put("chunkSize", n(upload.chunkSize()));
    session.put("totalChunks", n(upload.totalChunks()));
    session.put("status", s(ACTIVE));
    session.put("sourceKey", s(upload.sourceKey()));
    session.put("multipartUploadId", s(upload.multipartUploadId()));
    session.put("createdAt", s(upload.createdAt().toString()));
    session.put("expiresAt", n(upload.expiresAt().getEpochSecond()));
    session.put("pending", s(PENDING));
    session.put("dueAt", n(upload.expiresAt().getEpochSecond()));

    var video = new HashMap<String, AttributeValue>();
    video.put("id", s(upload.videoId()));
    video.put("ownerId", s(upload.ownerId()));
    video.put("channelId", s(upload.channelId()));
    video.put("title", s(placeholderTitle));
    video.put("description", s(""));
    video.put("tags", AttributeValue.fromL(List.of()));
    video.put("categories", AttributeValue.fromL(List.of()));
    // Nobody else sees it until the owner chooses the visibility at completion.
    video.put("visibility", s("private"));
    video.put("status", s(UPLOADING));
    video.put("uploadId", s(upload.id()));
    video.put("sourceKey", s(upload.sourceKey()));
    video.put("resolutions", AttributeValue.fromL(List.of()));
    for (String counter : List.of("viewCount", "likeCount", "dislikeCount", "commentCount")) {
      video.put(counter, n(0));
    }
    video.put("createdAt", s(now.toString()));
    video.put("updatedAt", s(now.toString()));

    dynamoDb.transactWriteItems(
        r ->
            r.transactItems(
                TransactWriteItem.builder()
                    .put(
                        Put.builder()
                            .tableName(uploadsTable)
                            .item(session)
                            .conditionExpression("attribute_not_exists(id)")
                            .build())
                    .build(),
                TransactWriteItem.builder()
                    .put(
                        Put.builder()
                            .tableName(videosTable)
                            .item(video)
                            .conditionExpression("attribute_not_exists(id)")
                            .build())
                    .build()));
  }

  @Override
  public Optional<Upload> find(String uploadId) {
    var response =
        dynamoDb.getItem(r -> r.tableName(uploadsTable).key(key(uploadId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(upload(response.item()))
        : Optional.empty();
  }

  @Override
  public boolean complete(Upload upload, String ownerId, VideoMetadata metadata, Instant now) {
    var session =
        Update.builder()
            .tableName(uploadsTable)
            .key(key(upload.id()))
            .updateExpression("SET #status = :completed, dueAt = :now, completedAt = :at")
            .conditionExpression("#status = :active AND ownerId = :owner AND expiresAt > :now")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(
                Map.of(
                    ":completed", s("completed"),
                    ":active", s(ACTIVE),
                    ":owner", s(ownerId),
                    ":now", n(now.getEpochSecond()),
                    ":at", s(now.toString())))
            .build();
    var video =
        Update.builder()
            .tableName(videosTable)
            .key(key(upload.videoId()))
            .updateExpression(
                "SET title = :title, description = :description, tags = :tags,"
                    + " categories = :categories, visibility = :visibility,"
                    + " #status = :processing, updatedAt = :at")
            .conditionExpression("#status = :uploading AND ownerId = :owner")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(
                Map.of(
                    ":title", s(metadata.title()),
                    ":description", s(metadata.description()),
                    ":tags", strings(metadata.tags()),
                    ":categories", strings(metadata.categories()),
                    ":visibility", s(metadata.visibility().name().toLowerCase(Locale.ROOT)),
                    ":processing", s("processing"),
                    ":uploading", s(UPLOADING),
                    ":owner", s(ownerId),
                    ":at", s(now.toString())))
            .build();
    return transact(
        TransactWriteItem.builder().update(session).build(),
        TransactWriteItem.builder().update(video).build());
  }

  @Override
  public void markAssembled(Upload upload, Instant now) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(uploadsTable)
                  .key(key(upload.id()))
                  .updateExpression("SET assembled = :yes, purgeAt = :purge REMOVE pending, dueAt")
                  .conditionExpression("#status = :completed")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":yes", AttributeValue.fromBool(true),
                          ":completed", s("completed"),
                          ":purge", n(purgeAt(upload)))));
    } catch (ConditionalCheckFailedException notCompleted) {
      throw new IllegalStateException("upload " + upload.id() + " is not completed", notCompleted);
    }
  }

  @Override
  public boolean cancel(Upload upload, String ownerId, Instant now) {
    return endWithoutVideo(
        upload,
        "cancelled",
        "#status = :active AND ownerId = :owner",
        Map.of(":owner", s(ownerId)),
        now);
  }

  @Override
  public boolean expire(Upload upload, Instant now) {
    return endWithoutVideo(
        upload,
        "expired",
        "#status = :active AND expiresAt <= :now",
        Map.of(":now", n(now.getEpochSecond())),
        now);
  }

  /**
   * active → {@code status} and the reserved video deleted. Deleted rather than failed: a video
   * whose bytes never arrived never existed for anyone, and nothing lingers in the owner's list.
   */
  private boolean endWithoutVideo(
      Upload upload,
      String status,
      String condition,
      Map<String, AttributeValue> conditionValues,
      Instant now) {
    var values = new HashMap<>(conditionValues);
    values.put(":status", s(status));
    values.put(":active", s(ACTIVE));
    values.put(":at", s(now.toString()));
    values.put(":purge", n(purgeAt(upload)));
    var session =
        Update.builder()
            .tableName(uploadsTable)
            .key(key(upload.id()))
            .updateExpression(
                "SET #status = :status, endedAt = :at, purgeAt = :purge" + " REMOVE pending, dueAt")
            .conditionExpression(condition)
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(values)
            .build();
    var video =
        Delete.builder()
            .tableName(videosTable)
            .key(key(upload.videoId()))
            .conditionExpression("#status = :uploading AND uploadId = :upload")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(
                Map.of(":uploading", s(UPLOADING), ":upload", s(upload.id())))
            .build();
    return transact(
        TransactWriteItem.builder().update(session).build(),
        TransactWriteItem.builder().delete(video).build());
  }

  @Override
  public List<Upload> findDue(Instant now) {
    List<Upload> due = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          dynamoDb.query(
              r ->
                  r.tableName(uploadsTable)
                      .indexName(PENDING_INDEX)
                      .keyConditionExpression("pending = :pending AND dueAt <= :now")
                      .expressionAttributeValues(
                          Map.of(":pending", s(PENDING), ":now", n(now.getEpochSecond())))
                      .exclusiveStartKey(from));
      page.items().forEach(item -> due.add(upload(item)));
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return due;
  }

  @Override
  public Optional<Video> findVideo(String videoId) {
    var response =
        dynamoDb.getItem(r -> r.tableName(videosTable).key(key(videoId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(video(response.item()))
        : Optional.empty();
  }

  @Override
  public void failVideo(String videoId, String reason, Instant now) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(videosTable)
                  .key(key(videoId))
                  .updateExpression(
                      "SET #status = :failed, failureReason = :reason, updatedAt = :at")
                  .conditionExpression("#status = :processing")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":failed", s("failed"),
                          ":reason", s(reason),
                          ":processing", s("processing"),
                          ":at", s(now.toString()))));
    } catch (ConditionalCheckFailedException notProcessing) {
      // already failed (or moved on): nothing to do
    }
  }

  private long purgeAt(Upload upload) {
    return upload.expiresAt().plus(retention).getEpochSecond();
  }

  /** All or nothing; false when a condition failed. */
  private boolean transact(TransactWriteItem... items) {
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(items));
      return true;
    } catch (TransactionCanceledException e) {
      boolean conditionFailed =
          e.cancellationReasons().stream().anyMatch(c -> "ConditionalCheckFailed".equals(c.code()));
      if (conditionFailed) {
        return false;
      }
      throw e; // a conflicting concurrent transaction: retryable by the caller
    }
  }

  private static Upload upload(Map<String, AttributeValue> item) {
    return new Upload(
        item.get("id").s(),
        item.get("ownerId").s(),
        item.get("channelId").s(),
        item.get("videoId").s(),
        item.get("filename").s(),
        number(item, "fileSize"),
        item.get("mimeType").s(),
        number(item, "chunkSize"),
        Math.toIntExact(number(item, "totalChunks")),
        UploadStatus.valueOf(item.get("status").s().toUpperCase(Locale.ROOT)),
        item.get("sourceKey").s(),
        item.get("multipartUploadId").s(),
        Instant.parse(item.get("createdAt").s()),
        Instant.ofEpochSecond(number(item, "expiresAt")),
        item.containsKey("assembled") && Boolean.TRUE.equals(item.get("assembled").bool()));
  }

  private static Video video(Map<String, AttributeValue> item) {
    return new Video(
        item.get("id").s(),
        item.get("channelId").s(),
        item.get("title").s(),
        text(item, "description").orElse(""),
        list(item, "tags"),
        list(item, "categories"),
        VideoVisibility.valueOf(item.get("visibility").s().toUpperCase(Locale.ROOT)),
        VideoStatus.valueOf(item.get("status").s().toUpperCase(Locale.ROOT)),
        text(item, "failureReason").orElse(null),
        item.containsKey("durationSeconds")
            ? Double.parseDouble(item.get("durationSeconds").n())
            : null,
        list(item, "resolutions"),
        null,
        text(item, "thumbnailUrl").orElse(null),
        text(item, "playlistUrl").orElse(null),
        text(item, "storyboardUrl").orElse(null),
        item.containsKey("viewCount") ? number(item, "viewCount") : 0,
        item.containsKey("likeCount") ? number(item, "likeCount") : 0,
        item.containsKey("dislikeCount") ? number(item, "dislikeCount") : 0,
        item.containsKey("commentCount") ? number(item, "commentCount") : 0,
        text(item, "publishedAt").map(Instant::parse).orElse(null),
        Instant.parse(item.get("createdAt").s()));
  }

  private static Optional<String> text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null || value.s().isEmpty()
        ? Optional.empty()
        : Optional.of(value.s());
  }

  private static List<String> list(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL()
        ? List.of()
        : value.l().stream().map(AttributeValue::s).toList();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  private static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", s(id));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
