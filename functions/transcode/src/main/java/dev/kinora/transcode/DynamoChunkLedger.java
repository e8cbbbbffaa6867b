package dev.kinora.transcode;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link ChunkLedger} on VideosTable: {@code chunksTotal} (N) and {@code chunksDone} (NS of chunk
 * indexes), both written only while {@code #status = processing}. {@code ADD chunksDone :index} on
 * a number set is idempotent, and {@code UPDATED_NEW} returns the whole set, so the worker whose
 * write fills it knows it without another read.
 */
public final class DynamoChunkLedger implements ChunkLedger {
  private static final Map<String, String> NAMES =
      Map.of("#status", "status", "#total", "chunksTotal", "#done", "chunksDone");

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;

  public DynamoChunkLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public boolean plan(String videoId, int total) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":processing", AttributeValue.fromS(TranscodeService.PROCESSING));
    values.put(":total", AttributeValue.fromN(Integer.toString(total)));
    values.put(":now", AttributeValue.fromS(clock.instant().toString()));
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(videoId))
                  .updateExpression("SET #total = :total, updatedAt = :now")
                  .conditionExpression(
                      "#status = :processing AND (attribute_not_exists(#total) OR #total = :total)")
                  .expressionAttributeNames(Map.of("#status", "status", "#total", "chunksTotal"))
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<ChunkState> state(String videoId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(key(videoId))
                        .projectionExpression("#status, #total, #done")
                        .expressionAttributeNames(NAMES)
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty() || !item.containsKey("status")) {
      return Optional.empty();
    }
    return Optional.of(
        new ChunkState(item.get("status").s(), total(item), done(item.get("chunksDone"))));
  }

  @Override
  public Optional<ChunkState> markDone(String videoId, int index) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":processing", AttributeValue.fromS(TranscodeService.PROCESSING));
    values.put(":index", AttributeValue.fromNs(List.of(Integer.toString(index))));
    try {
      var updated =
          dynamoDb
              .updateItem(
                  r ->
                      r.tableName(table)
                          .key(key(videoId))
                          .updateExpression("ADD #done :index")
                          .conditionExpression("#status = :processing AND attribute_exists(#total)")
                          .expressionAttributeNames(NAMES)
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes();
      return Optional.of(
          new ChunkState(
              TranscodeService.PROCESSING, total(updated), done(updated.get("chunksDone"))));
    } catch (ConditionalCheckFailedException notProcessing) {
      return Optional.empty();
    }
  }

  private static int total(Map<String, AttributeValue> item) {
    AttributeValue total = item.get("chunksTotal");
    return total == null ? 0 : Integer.parseInt(total.n());
  }

  private static Set<Integer> done(AttributeValue set) {
    if (set == null || !set.hasNs()) {
      return Set.of();
    }
    return set.ns().stream().map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
  }

  private static Map<String, AttributeValue> key(String videoId) {
    return Map.of("id", AttributeValue.fromS(videoId));
  }
}
