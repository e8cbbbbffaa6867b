package dev.kinora.bench.search;

import dev.kinora.search.DurationFilter;
import dev.kinora.search.SearchDocument;
import dev.kinora.search.SearchLimits;
import dev.kinora.shared.aws.HttpClients;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The naive search: one table of the videos with a lower-cased {@code text} attribute (title, tags,
 * description), and per query a Scan of the whole table with {@code contains(text, :word)} for
 * every word plus the filters as a filter expression, every page read, the matches sorted in memory
 * (by views for relevance: DynamoDB has no ranking) and the first page kept.
 */
final class ScanBaseline implements AutoCloseable {
  private static final String TABLE = "bench-search-videos";
  private static final int BATCH = 25;

  private final DynamoDbClient dynamo;
  private final SearchLimits limits;

  record Answer(List<String> ids, long itemsRead) {}

  ScanBaseline(URI endpoint, SearchLimits limits) {
    this.limits = limits;
    this.dynamo =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .httpClient(HttpClients.urlConnection())
            .build();
  }

  void load(List<SearchDocument> videos) {
    dynamo.createTable(
        r ->
            r.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    var batch = new ArrayList<WriteRequest>();
    for (SearchDocument video : videos) {
      var item = new HashMap<String, AttributeValue>();
      item.put("id", AttributeValue.fromS(video.id()));
      item.put("title", AttributeValue.fromS(video.title()));
      item.put(
          "text",
          AttributeValue.fromS(
              String.join(" ", video.title(), String.join(" ", video.tags()), video.description())
                  .toLowerCase(Locale.ROOT)));
      item.put(
          "category", AttributeValue.fromS(video.categories().get(0).toLowerCase(Locale.ROOT)));
      item.put("durationSeconds", AttributeValue.fromN(Double.toString(video.durationSeconds())));
      item.put(
          "publishedAt", AttributeValue.fromN(Long.toString(video.publishedAt().toEpochMilli())));
      item.put("viewCount", AttributeValue.fromN(Long.toString(video.viewCount())));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == BATCH) {
        write(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      write(batch);
    }
  }

  private void write(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(TABLE, List.copyOf(batch));
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> sending = pending;
      var unprocessed = dynamo.batchWriteItem(r -> r.requestItems(sending)).unprocessedItems();
      pending = unprocessed == null ? Map.of() : unprocessed;
    }
  }

  Answer search(Catalogue.Query query, Instant now, int pageSize) {
    var conditions = new ArrayList<String>();
    var values = new HashMap<String, AttributeValue>();
    var names = new HashMap<String, String>();
    names.put("#text", "text");
    String[] words = query.text().toLowerCase(Locale.ROOT).split("\\s+");
    for (int i = 0; i < words.length; i++) {
      conditions.add("contains(#text, :w" + i + ")");
      values.put(":w" + i, AttributeValue.fromS(words[i]));
    }
    if (query.uploadDate() != null) {
      conditions.add("publishedAt >= :from");
      values.put(
          ":from",
          AttributeValue.fromN(
              Long.toString(
                  now.minus(query.uploadDate().window(limits.uploadDate())).toEpochMilli())));
    }
    if (query.duration() != null) {
      names.put("#d", "durationSeconds");
      DurationFilter duration = query.duration();
      conditions.add(
          switch (duration) {
            case SHORT -> "#d < :short";
            case MEDIUM -> "#d BETWEEN :short AND :long";
            case LONG -> "#d > :long";
          });
      if (duration != DurationFilter.LONG) {
        values.put(":short", AttributeValue.fromN(Integer.toString(limits.shortMaxSeconds())));
      }
      if (duration != DurationFilter.SHORT) {
        values.put(":long", AttributeValue.fromN(Integer.toString(limits.longMinSeconds())));
      }
    }
    if (query.category() != null) {
      conditions.add("category = :category");
      values.put(":category", AttributeValue.fromS(query.category().toLowerCase(Locale.ROOT)));
    }
    String filter = String.join(" AND ", conditions);
    var matches = new ArrayList<Map<String, AttributeValue>>();
    long read = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          dynamo.scan(
              r -> {
                r.tableName(TABLE)
                    .filterExpression(filter)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .projectionExpression("id, publishedAt, viewCount");
                if (from != null) {
                  r.exclusiveStartKey(from);
                }
              });
      read += page.scannedCount();
      matches.addAll(page.items());
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    Comparator<Map<String, AttributeValue>> order =
        switch (query.sort()) {
          case DATE ->
              Comparator.comparingLong((Map<String, AttributeValue> m) -> number(m, "publishedAt"))
                  .reversed();
          case RELEVANCE, VIEWS ->
              Comparator.comparingLong((Map<String, AttributeValue> m) -> number(m, "viewCount"))
                  .reversed();
        };
    matches.sort(order);
    return new Answer(matches.stream().limit(pageSize).map(m -> m.get("id").s()).toList(), read);
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  @Override
  public void close() {
    dynamo.close();
  }
}
