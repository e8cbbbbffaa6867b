package dev.kinora.engagement;

import dev.kinora.shared.model.CommentAuthor;
import dev.kinora.shared.model.CommentSort;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * CommentsTable (docs/data-model.md): key {@code id}; {@code topOf} (= the video id, top-level
 * comments only) is the hash key of the sparse indexes {@code TopLevelByNewest} (range {@code
 * createdAt}) and {@code TopLevelByScore} (range {@code score}); {@code RepliesByParent} is {@code
 * parentId} + {@code createdAt}. Every write that adds or removes comments moves the counters in
 * the same transaction, so commentCount and replyCount are exact.
 */
public final class DynamoCommentStore implements CommentStore {
  /** Transactions conflict when two writers touch the same video row at once; try again. */
  private static final int CONFLICT_ATTEMPTS = 10;

  /** Replies deleted per transaction with a top-level comment (a transaction holds ≤ 100). */
  private static final int REPLIES_PER_DELETE = 25;

  /**
   * createdAt is an index range key compared as a string: a fixed number of fraction digits keeps
   * string order equal to time order ({@code Instant.toString()} drops trailing zero groups).
   */
  private static final DateTimeFormatter SORTABLE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final String NEWEST = "TopLevelByNewest";
  private static final String TOP = "TopLevelByScore";
  private static final String REPLIES = "RepliesByParent";

  private final DynamoDbClient dynamoDb;
  private final String commentsTable;
  private final String videosTable;
  private final RatingService.RetryPause pause;

  public DynamoCommentStore(
      DynamoDbClient dynamoDb,
      String commentsTable,
      String videosTable,
      RatingService.RetryPause pause) {
    this.dynamoDb = dynamoDb;
    this.commentsTable = commentsTable;
    this.videosTable = videosTable;
    this.pause = pause;
  }

  @Override
  public Optional<StoredComment> find(String commentId) {
    var response =
        dynamoDb.getItem(r -> r.tableName(commentsTable).key(key(commentId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(comment(response.item()))
        : Optional.empty();
  }

  @Override
  public CreateOutcome create(StoredComment comment) {
    var items = new ArrayList<TransactWriteItem>();
    items.add(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(commentsTable)
                        .item(item(comment))
                        .conditionExpression("attribute_not_exists(id)"))
            .build());
    items.add(videoCounter(comment.videoId(), 1, true));
    if (comment.isReply()) {
      items.add(replyCounter(comment.parentId(), 1));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
        return CreateOutcome.CREATED;
      } catch (TransactionCanceledException e) {
        if (failedCondition(e, 1)) {
          return CreateOutcome.VIDEO_UNAVAILABLE;
        }
        if (failedCondition(e, 2)) {
          return CreateOutcome.PARENT_GONE;
        }
        retryOrThrow(attempt, e);
      } catch (TransactionConflictException e) {
        retryOrThrow(attempt, e);
      }
    }
  }

  @Override
  public Page<StoredComment> topLevel(String videoId, CommentSort sort, String cursor, int limit) {
    String index = sort == CommentSort.TOP ? TOP : NEWEST;
    String range = sort == CommentSort.TOP ? "score" : "createdAt";
    return query(index, "topOf", videoId, range, false, cursor, limit);
  }

  @Override
  public Page<StoredComment> replies(String commentId, String cursor, int limit) {
    return query(REPLIES, "parentId", commentId, "createdAt", true, cursor, limit);
  }

  /**
   * One page of an index. Asks for one item more than the page: when it comes, the page's last item
   * is the cursor, so the last page never ends with an empty one.
   */
  private Page<StoredComment> query(
      String index,
      String hashName,
      String hashValue,
      String rangeName,
      boolean ascending,
      String cursor,
      int limit) {
    Set<String> cursorKeys = Set.of("id", hashName, rangeName);
    Map<String, AttributeValue> start =
        cursor == null ? null : decode(cursor, cursorKeys, hashName, hashValue, rangeName);
    var response =
        dynamoDb.query(
            r ->
                r.tableName(commentsTable)
                    .indexName(index)
                    .keyConditionExpression("#hash = :hash")
                    .expressionAttributeNames(Map.of("#hash", hashName))
                    .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(hashValue)))
                    .scanIndexForward(ascending)
                    .exclusiveStartKey(start)
                    .limit(limit + 1));
    List<Map<String, AttributeValue>> items = response.items();
    boolean more = items.size() > limit;
    List<Map<String, AttributeValue>> page = more ? items.subList(0, limit) : items;
    String next = more ? KeyCursor.encode(page.get(limit - 1), cursorKeys) : null;
    return new Page<>(page.stream().map(DynamoCommentStore::comment).toList(), next);
  }

  @Override
  public Optional<StoredComment> updateText(
      String commentId, String authorId, String text, Instant at) {
    try {
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(commentsTable)
                      .key(key(commentId))
                      .updateExpression("SET #text = :text, editedAt = :at")
                      // a comment a moderator removed (removedAt) keeps its placeholder text
                      .conditionExpression(
                          "attribute_exists(id) AND authorId = :author"
                              + " AND attribute_not_exists(removedAt)")
                      .expressionAttributeNames(Map.of("#text", "text"))
                      .expressionAttributeValues(
                          Map.of(":text", s(text), ":at", s(at.toString()), ":author", s(authorId)))
                      .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(comment(response.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean delete(StoredComment comment) {
    return comment.isReply() ? deleteReply(comment) : deleteTopLevel(comment);
  }

  private boolean deleteReply(StoredComment reply) {
    var items =
        List.of(
            deleteItem(reply.id(), "attribute_exists(id)", Map.of()),
            replyCounter(reply.parentId(), -1),
            videoCounter(reply.videoId(), -1, false));
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
        return true;
      } catch (TransactionCanceledException e) {
        if (failedCondition(e, 0)) {
          return false; // deleted meanwhile (with its parent, or by the other party)
        }
        retryOrThrow(attempt, e);
      } catch (TransactionConflictException e) {
        retryOrThrow(attempt, e);
      }
    }
  }

  /**
   * Deletes the replies in batches (each batch with its counters), then the comment itself once it
   * has no replies left: a reply posted meanwhile makes the last step fail its condition, and the
   * loop picks that reply up too.
   */
  private boolean deleteTopLevel(StoredComment comment) {
    int failures = 0;
    while (true) {
      if (find(comment.id()).isEmpty()) {
        return false;
      }
      Page<StoredComment> replies = replies(comment.id(), null, REPLIES_PER_DELETE);
      var items = new ArrayList<TransactWriteItem>();
      if (replies.items().isEmpty()) {
        items.add(
            deleteItem(
                comment.id(),
                "attribute_exists(id) AND (attribute_not_exists(replyCount) OR replyCount = :zero)",
                Map.of(":zero", AttributeValue.fromN("0"))));
        items.add(videoCounter(comment.videoId(), -1, false));
      } else {
        replies
            .items()
            .forEach(r -> items.add(deleteItem(r.id(), "attribute_exists(id)", Map.of())));
        items.add(replyCounter(comment.id(), -replies.items().size()));
        items.add(videoCounter(comment.videoId(), -replies.items().size(), false));
      }
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
        if (replies.items().isEmpty()) {
          return true;
        }
      } catch (TransactionCanceledException | TransactionConflictException e) {
        // a reply came or went meanwhile: look again
        retryOrThrow(++failures, e);
      }
    }
  }

  private TransactWriteItem deleteItem(
      String commentId, String condition, Map<String, AttributeValue> values) {
    return TransactWriteItem.builder()
        .delete(
            d ->
                d.tableName(commentsTable)
                    .key(key(commentId))
                    .conditionExpression(condition)
                    .expressionAttributeValues(values.isEmpty() ? null : values))
        .build();
  }

  /** ±n on the video's commentCount; comments are only added to ready videos. */
  private TransactWriteItem videoCounter(String videoId, long n, boolean mustBeReady) {
    var values = new HashMap<String, AttributeValue>();
    values.put(":n", AttributeValue.fromN(Long.toString(n)));
    if (mustBeReady) {
      values.put(":ready", s("ready"));
    }
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(videosTable)
                    .key(Map.of("id", s(videoId)))
                    .updateExpression("ADD commentCount :n")
                    .conditionExpression(
                        mustBeReady
                            ? "attribute_exists(id) AND #status = :ready"
                            : "attribute_exists(id)")
                    .expressionAttributeNames(mustBeReady ? Map.of("#status", "status") : null)
                    .expressionAttributeValues(values))
        .build();
  }

  /** ±n on a top-level comment's replyCount and score; it must still exist. */
  private TransactWriteItem replyCounter(String parentId, long n) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(commentsTable)
                    .key(key(parentId))
                    .updateExpression("ADD replyCount :n, score :n")
                    .conditionExpression("attribute_exists(id)")
                    .expressionAttributeValues(
                        Map.of(":n", AttributeValue.fromN(Long.toString(n)))))
        .build();
  }

  private void retryOrThrow(int attempt, RuntimeException e) {
    if (attempt >= CONFLICT_ATTEMPTS) {
      throw e;
    }
    pause.before(attempt + 1);
  }

  private static boolean failedCondition(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  static Map<String, AttributeValue> item(StoredComment comment) {
    var item = new HashMap<String, AttributeValue>();
    item.put("id", s(comment.id()));
    item.put("videoId", s(comment.videoId()));
    if (comment.isReply()) {
      item.put("parentId", s(comment.parentId()));
    } else {
      item.put("topOf", s(comment.videoId()));
    }
    item.put("authorId", s(comment.authorId()));
    item.put("authorChannelId", s(comment.author().channelId()));
    item.put("authorHandle", s(comment.author().handle()));
    item.put("authorName", s(comment.author().name()));
    if (comment.author().avatarUrl() != null) {
      item.put("authorAvatarUrl", s(comment.author().avatarUrl()));
    }
    item.put("text", s(comment.text()));
    item.put("replyCount", n(comment.replyCount()));
    item.put("likeCount", n(comment.likeCount()));
    item.put("score", n(comment.score()));
    item.put("createdAt", s(SORTABLE_TIME.format(comment.createdAt())));
    if (comment.editedAt() != null) {
      item.put("editedAt", s(comment.editedAt().toString()));
    }
    return item;
  }

  static StoredComment comment(Map<String, AttributeValue> item) {
    return new StoredComment(
        item.get("id").s(),
        item.get("videoId").s(),
        text(item, "parentId"),
        item.get("authorId").s(),
        new CommentAuthor(
            item.get("authorChannelId").s(),
            item.get("authorHandle").s(),
            item.get("authorName").s(),
            text(item, "authorAvatarUrl")),
        item.get("text").s(),
        DynamoVideoDirectory.counter(item, "replyCount"),
        DynamoVideoDirectory.counter(item, "likeCount"),
        Instant.parse(item.get("createdAt").s()),
        Optional.ofNullable(text(item, "editedAt")).map(Instant::parse).orElse(null));
  }

  /**
   * A cursor is the key of the page's last item (table key + index key), a {@link KeyCursor}:
   * opaque to clients, and checked on the way back so it can only continue the list it came from.
   */
  private static Map<String, AttributeValue> decode(
      String cursor, Set<String> names, String hashName, String hashValue, String rangeName) {
    var start = new HashMap<>(KeyCursor.decode(cursor, names, Map.of(hashName, hashValue)));
    if (rangeName.equals("score")) {
      try {
        start.put(
            "score", AttributeValue.fromN(Long.toString(Long.parseLong(start.get("score").s()))));
      } catch (NumberFormatException e) {
        throw new InvalidCursorException("is not a cursor of this list");
      }
    }
    return start;
  }

  private static Map<String, AttributeValue> key(String commentId) {
    return Map.of("id", s(commentId));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
