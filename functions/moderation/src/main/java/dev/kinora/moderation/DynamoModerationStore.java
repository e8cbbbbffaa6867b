package dev.kinora.moderation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.listing.VideoItems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * ModerationTable (docs/data-model.md): per reported item one partition {@code TARGET#<kind>#<id>}
 * holding its queue entry ({@code sk = QUEUE}), one report per reporter ({@code REPORT#<userId>})
 * and its audit records ({@code AUDIT#<at>#<id>}). The sparse GSI {@code OpenQueue} ({@code queue}
 * = {@code OPEN} only while the item has open reports, range {@code latestReportAt}) is the queue.
 * Blocks and removals write VideosTable / CommentsTable rows in one transaction with their audit
 * record, so an action is never done unrecorded or recorded undone.
 */
public final class DynamoModerationStore implements ModerationStore {
  static final String OPEN_QUEUE_INDEX = "OpenQueue";
  private static final String QUEUE_SK = "QUEUE";
  private static final String OPEN = "OPEN";
  private static final int TRANSACTION_ATTEMPTS = 5;
  private static final int MAX_CLOSE_ROUNDS = 100;
  private static final Set<String> CURSOR_KEYS = Set.of("pk", "sk", "queue", "latestReportAt");

  /** Fixed width (6 fraction digits), so string order is time order in sort keys. */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String videosTable;
  private final String commentsTable;
  private final int closeBatchSize;

  public DynamoModerationStore(
      DynamoDbClient dynamoDb,
      String table,
      String videosTable,
      String commentsTable,
      int closeBatchSize) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.videosTable = videosTable;
    this.commentsTable = commentsTable;
    this.closeBatchSize = closeBatchSize;
  }

  // ---------------------------------------------------------------- reads of the moderated rows

  @Override
  public Optional<VideoRow> findVideo(String videoId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(videosTable)
                        .key(Map.of("id", s(videoId)))
                        .consistentRead(true)
                        .projectionExpression("id, ownerId, visibility, #status, title")
                        .expressionAttributeNames(Map.of("#status", "status")))
            .item();
    if (item == null || !item.containsKey("id") || !item.containsKey("status")) {
      return Optional.empty();
    }
    return Optional.of(
        new VideoRow(videoId, VideoItems.facts(item), VideoItems.text(item, "title")));
  }

  @Override
  public Optional<CommentRow> findComment(String commentId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(commentsTable)
                        .key(Map.of("id", s(commentId)))
                        .consistentRead(true)
                        .projectionExpression("id, videoId, #text, removedAt")
                        .expressionAttributeNames(Map.of("#text", "text")))
            .item();
    if (item == null || !item.containsKey("id")) {
      return Optional.empty();
    }
    return Optional.of(
        new CommentRow(
            commentId,
            item.get("videoId").s(),
            VideoItems.text(item, "text"),
            item.containsKey("removedAt")));
  }

  @Override
  public Map<String, String> videoStatuses(Collection<String> videoIds) {
    Map<String, String> statuses = new HashMap<>();
    List<Map<String, AttributeValue>> keys =
        videoIds.stream().distinct().map(id -> Map.of("id", s(id))).toList();
    Map<String, KeysAndAttributes> request =
        Map.of(
            videosTable,
            KeysAndAttributes.builder()
                .keys(keys)
                .projectionExpression("id, #status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .build());
    // a page of the queue is at most 50 items, under BatchGetItem's 100 keys
    while (!request.isEmpty()) {
      var response = dynamoDb.batchGetItem(b -> b.requestItems(request));
      response
          .responses()
          .getOrDefault(videosTable, List.of())
          .forEach(item -> statuses.put(item.get("id").s(), item.get("status").s()));
      if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
        break;
      }
      request.clear();
      request.putAll(response.unprocessedKeys());
    }
    return statuses;
  }

  // ---------------------------------------------------------------- reports and the queue

  @Override
  public Opening open(Report report, String videoId, String preview) {
    String pk = pk(report.target());
    var reportItem = new LinkedHashMap<String, AttributeValue>();
    reportItem.put("pk", s(pk));
    reportItem.put("sk", s("REPORT#" + report.reporterId()));
    reportItem.put("reporterId", s(report.reporterId()));
    reportItem.put("targetKind", s(report.targetKind()));
    reportItem.put("targetId", s(report.targetId()));
    reportItem.put("reason", s(report.reason()));
    if (report.text() != null) {
      reportItem.put("text", s(report.text()));
    }
    reportItem.put("status", s(Report.OPEN));
    reportItem.put("createdAt", s(SORTABLE.format(report.createdAt())));
    var put =
        Put.builder()
            .tableName(table)
            .item(reportItem)
            // one open report per user and item; a closed one may be reported again
            .conditionExpression("attribute_not_exists(pk) OR #status = :closed")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(Map.of(":closed", s(Report.CLOSED)))
            .build();
    var count =
        Update.builder()
            .tableName(table)
            .key(key(pk, QUEUE_SK))
            .updateExpression(
                "SET targetKind = :kind, targetId = :id, videoId = :videoId,"
                    + " preview = if_not_exists(preview, :preview), latestReportAt = :at,"
                    + " #queue = :open ADD openReports :one, reasons :reason")
            .expressionAttributeNames(Map.of("#queue", "queue"))
            .expressionAttributeValues(
                Map.of(
                    ":kind", s(report.targetKind()),
                    ":id", s(report.targetId()),
                    ":videoId", s(videoId),
                    ":preview", s(preview),
                    ":at", s(SORTABLE.format(report.createdAt())),
                    ":open", s(OPEN),
                    ":one", n(1),
                    ":reason", AttributeValue.fromSs(List.of(report.reason()))))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(
            t ->
                t.transactItems(
                    TransactWriteItem.builder().put(put).build(),
                    TransactWriteItem.builder().update(count).build()));
        return new Opened(report);
      } catch (TransactionCanceledException e) {
        if (failedCondition(e, 0)) {
          Optional<Report> existing = findReport(pk, report.reporterId());
          if (existing.isPresent() && Report.OPEN.equals(existing.get().status())) {
            return new AlreadyOpen(existing.get());
          }
        }
        if (attempt >= TRANSACTION_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Optional<Report> findReport(String pk, String reporterId) {
    var item =
        dynamoDb
            .getItem(
                r -> r.tableName(table).key(key(pk, "REPORT#" + reporterId)).consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Report(
            item.get("targetKind").s(),
            item.get("targetId").s(),
            item.get("reason").s(),
            VideoItems.text(item, "text"),
            item.get("status").s(),
            Instant.parse(item.get("createdAt").s()),
            reporterId));
  }

  @Override
  public QueuePage queue(String cursor, int limit) {
    Map<String, AttributeValue> start = cursor == null ? null : decodeCursor(cursor);
    var response =
        dynamoDb.query(
            q ->
                q.tableName(table)
                    .indexName(OPEN_QUEUE_INDEX)
                    .keyConditionExpression("#queue = :open")
                    .expressionAttributeNames(Map.of("#queue", "queue"))
                    .expressionAttributeValues(Map.of(":open", s(OPEN)))
                    .scanIndexForward(false)
                    .limit(limit)
                    .exclusiveStartKey(start));
    List<ReportQueueEntry> entries =
        response.items().stream().map(DynamoModerationStore::entry).toList();
    String next =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? encodeCursor(response.lastEvaluatedKey())
            : null;
    return new QueuePage(entries, next);
  }

  private static ReportQueueEntry entry(Map<String, AttributeValue> item) {
    AttributeValue reasons = item.get("reasons");
    return new ReportQueueEntry(
        item.get("targetKind").s(),
        item.get("targetId").s(),
        item.get("videoId").s(),
        VideoItems.counter(item, "openReports"),
        reasons == null || !reasons.hasSs() ? List.of() : reasons.ss().stream().sorted().toList(),
        Instant.parse(item.get("latestReportAt").s()),
        Optional.ofNullable(VideoItems.text(item, "preview")).orElse(""),
        null);
  }

  private static String encodeCursor(Map<String, AttributeValue> key) {
    Map<String, String> plain = new LinkedHashMap<>();
    key.forEach((name, value) -> plain.put(name, value.s()));
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Json.mapper().writeValueAsBytes(plain));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, AttributeValue> decodeCursor(String cursor) {
    Map<String, String> plain;
    try {
      plain =
          Json.mapper().readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() {});
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new InvalidCursorException("not a cursor of the report queue");
    }
    if (plain == null
        || !plain.keySet().equals(CURSOR_KEYS)
        || !OPEN.equals(plain.get("queue"))
        || !QUEUE_SK.equals(plain.get("sk"))
        || plain.get("pk") == null
        || !plain.get("pk").startsWith("TARGET#")) {
      throw new InvalidCursorException("not a cursor of the report queue");
    }
    Map<String, AttributeValue> key = new HashMap<>();
    plain.forEach((name, value) -> key.put(name, s(value)));
    return key;
  }

  @Override
  public int closeReports(Target target, Instant at) {
    String pk = pk(target);
    int total = 0;
    for (int round = 0; round < MAX_CLOSE_ROUNDS; round++) {
      List<String> open = openReportKeys(pk);
      if (open.isEmpty()) {
        break;
      }
      var items = new ArrayList<TransactWriteItem>();
      for (String sk : open) {
        items.add(
            TransactWriteItem.builder()
                .update(
                    u ->
                        u.tableName(table)
                            .key(key(pk, sk))
                            .updateExpression("SET #status = :closed, closedAt = :at")
                            .conditionExpression("#status = :open")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(
                                Map.of(
                                    ":closed", s(Report.CLOSED),
                                    ":open", s(Report.OPEN),
                                    ":at", s(SORTABLE.format(at)))))
                .build());
      }
      items.add(
          TransactWriteItem.builder()
              .update(
                  u ->
                      u.tableName(table)
                          .key(key(pk, QUEUE_SK))
                          .updateExpression("ADD openReports :minus")
                          .conditionExpression("openReports >= :n")
                          .expressionAttributeValues(
                              Map.of(":minus", n(-open.size()), ":n", n(open.size()))))
              .build());
      try {
        dynamoDb.transactWriteItems(t -> t.transactItems(items));
        total += open.size();
      } catch (TransactionCanceledException concurrentClose) {
        // another moderator closed some of them meanwhile: read what is still open again
      }
    }
    leaveQueueIfEmpty(pk);
    return total;
  }

  /** Up to one transaction's worth of the item's open reports (sort keys). */
  private List<String> openReportKeys(String pk) {
    var keys = new ArrayList<String>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page =
          dynamoDb.query(
              q ->
                  q.tableName(table)
                      .consistentRead(true)
                      .keyConditionExpression("pk = :pk AND begins_with(sk, :report)")
                      .filterExpression("#status = :open")
                      .projectionExpression("sk")
                      .expressionAttributeNames(Map.of("#status", "status"))
                      .expressionAttributeValues(
                          Map.of(":pk", s(pk), ":report", s("REPORT#"), ":open", s(Report.OPEN)))
                      .exclusiveStartKey(from));
      for (var item : page.items()) {
        if (keys.size() < closeBatchSize) {
          keys.add(item.get("sk").s());
        }
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty() && keys.size() < closeBatchSize);
    return keys;
  }

  private void leaveQueueIfEmpty(String pk) {
    try {
      dynamoDb.updateItem(
          u ->
              u.tableName(table)
                  .key(key(pk, QUEUE_SK))
                  .updateExpression("REMOVE #queue, reasons")
                  // a report that arrived meanwhile keeps the item in the queue
                  .conditionExpression("attribute_exists(pk) AND openReports <= :zero")
                  .expressionAttributeNames(Map.of("#queue", "queue"))
                  .expressionAttributeValues(Map.of(":zero", n(0))));
    } catch (ConditionalCheckFailedException stillOpenOrNeverReported) {
      // nothing to leave
    }
  }

  // ---------------------------------------------------------------- actions with their audit
  // record

  @Override
  public Change block(String videoId, ModerationAction audit) {
    var update =
        Update.builder()
            .tableName(videosTable)
            .key(Map.of("id", s(videoId)))
            // previousStatus = the status before this write: what unblock goes back to
            .updateExpression(
                "SET previousStatus = #status, #status = :blocked, failureReason = :reason,"
                    + " blockedAt = :at, updatedAt = :at")
            .conditionExpression("attribute_exists(id) AND #status = :ready")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(
                Map.of(
                    ":blocked", s("blocked"),
                    ":ready", s("ready"),
                    ":reason", s(audit.reason()),
                    ":at", s(audit.at().toString())))
            .build();
    return videoChange(videoId, update, audit);
  }

  @Override
  public Change unblock(String videoId, ModerationAction audit) {
    var update =
        Update.builder()
            .tableName(videosTable)
            .key(Map.of("id", s(videoId)))
            .updateExpression(
                "SET #status = previousStatus, updatedAt = :at"
                    + " REMOVE previousStatus, failureReason, blockedAt")
            .conditionExpression(
                "attribute_exists(id) AND #status = :blocked AND attribute_exists(previousStatus)")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(
                Map.of(":blocked", s("blocked"), ":at", s(audit.at().toString())))
            .build();
    return videoChange(videoId, update, audit);
  }

  private Change videoChange(String videoId, Update update, ModerationAction audit) {
    try {
      dynamoDb.transactWriteItems(
          t ->
              t.transactItems(
                  TransactWriteItem.builder().update(update).build(),
                  TransactWriteItem.builder().put(auditPut(audit)).build()));
      return Change.DONE;
    } catch (TransactionCanceledException e) {
      if (!failedCondition(e, 0)) {
        throw e;
      }
      return findVideo(videoId).isPresent() ? Change.WRONG_STATE : Change.NOT_FOUND;
    }
  }

  @Override
  public Change removeComment(
      String commentId, String seenText, String placeholder, ModerationAction audit) {
    var update =
        Update.builder()
            .tableName(commentsTable)
            .key(Map.of("id", s(commentId)))
            .updateExpression("SET #text = :placeholder, removedAt = :at, removedBy = :actor")
            .conditionExpression(
                "attribute_exists(id) AND attribute_not_exists(removedAt) AND #text = :seen")
            .expressionAttributeNames(Map.of("#text", "text"))
            .expressionAttributeValues(
                Map.of(
                    ":placeholder", s(placeholder),
                    ":seen", s(seenText),
                    ":at", s(audit.at().toString()),
                    ":actor", s(audit.actor().userId())))
            .build();
    try {
      dynamoDb.transactWriteItems(
          t ->
              t.transactItems(
                  TransactWriteItem.builder().update(update).build(),
                  TransactWriteItem.builder().put(auditPut(audit)).build()));
      return Change.DONE;
    } catch (TransactionCanceledException e) {
      if (!failedCondition(e, 0)) {
        throw e;
      }
      return findComment(commentId).filter(comment -> !comment.removed()).isPresent()
          ? Change.WRONG_STATE
          : Change.NOT_FOUND;
    }
  }

  @Override
  public void record(ModerationAction audit) {
    dynamoDb.putItem(r -> r.tableName(table).item(auditItem(audit)));
  }

  @Override
  public List<ModerationAction> auditOf(Target target, int limit) {
    return dynamoDb
        .query(
            q ->
                q.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :audit)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(target)), ":audit", s("AUDIT#")))
                    .scanIndexForward(false)
                    .limit(limit))
        .items()
        .stream()
        .map(DynamoModerationStore::audit)
        .toList();
  }

  private Put auditPut(ModerationAction audit) {
    return Put.builder()
        .tableName(table)
        .item(auditItem(audit))
        .conditionExpression("attribute_not_exists(sk)")
        .build();
  }

  private static Map<String, AttributeValue> auditItem(ModerationAction audit) {
    var item = new LinkedHashMap<String, AttributeValue>();
    item.put("pk", s(pk(audit.target())));
    item.put("sk", s("AUDIT#" + SORTABLE.format(audit.at()) + "#" + audit.id()));
    item.put("id", s(audit.id()));
    item.put("actorId", s(audit.actor().userId()));
    item.put("actorHandle", s(audit.actor().handle()));
    item.put("action", s(audit.action()));
    item.put("targetKind", s(audit.targetKind()));
    item.put("targetId", s(audit.targetId()));
    item.put("reason", s(audit.reason()));
    item.put("at", s(audit.at().toString()));
    if (audit.closedReports() != null) {
      item.put("closedReports", n(audit.closedReports()));
    }
    if (audit.removedText() != null) {
      item.put("removedText", s(audit.removedText()));
    }
    return item;
  }

  private static ModerationAction audit(Map<String, AttributeValue> item) {
    return new ModerationAction(
        item.get("id").s(),
        new ModerationAction.Actor(item.get("actorId").s(), item.get("actorHandle").s()),
        item.get("action").s(),
        item.get("targetKind").s(),
        item.get("targetId").s(),
        item.get("reason").s(),
        VideoItems.number(item, "closedReports").map(Integer::parseInt).orElse(null),
        Instant.parse(item.get("at").s()),
        VideoItems.text(item, "removedText"));
  }

  // ---------------------------------------------------------------- plumbing

  private static boolean failedCondition(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return reasons != null
        && reasons.size() > index
        && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private static String pk(Target target) {
    return "TARGET#" + target.kind() + "#" + target.id();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
