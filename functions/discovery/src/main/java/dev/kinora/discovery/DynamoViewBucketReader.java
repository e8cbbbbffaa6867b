package dev.kinora.discovery;

import dev.kinora.shared.discovery.ViewBuckets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads an hour's view buckets ({@link ViewBuckets}): one {@code Query pk = VIEWS#<hour>#<shard>}
 * per shard, every page, never a Scan.
 */
final class DynamoViewBucketReader implements ViewBucketReader {
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ViewBuckets buckets;

  DynamoViewBucketReader(DynamoDbClient dynamoDb, String table, ViewBuckets buckets) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.buckets = buckets;
  }

  @Override
  public Map<String, Long> views(Instant hour) {
    var views = new HashMap<String, Long>();
    for (int shard = 0; shard < buckets.shards(); shard++) {
      String partition = buckets.partition(hour, shard);
      var pages =
          dynamoDb.queryPaginator(
              r ->
                  r.tableName(table)
                      .keyConditionExpression("pk = :pk")
                      .projectionExpression("sk, #views")
                      .expressionAttributeNames(Map.of("#views", "views"))
                      .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))));
      for (Map<String, AttributeValue> item : pages.items()) {
        AttributeValue count = item.get("views");
        if (count != null && count.n() != null) {
          views.merge(item.get("sk").s(), Long.parseLong(count.n()), Long::sum);
        }
      }
    }
    return views;
  }
}
