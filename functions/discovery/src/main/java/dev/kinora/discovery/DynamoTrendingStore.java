package dev.kinora.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Trending lists in DiscoveryTable: one item per list ({@code pk = TRENDING#<facet>, sk = LIST},
 * {@code videoIds} L of S, at most {@code discovery.trending.topN}, about 2.6 KB), replaced whole
 * by each job run, so a reader sees either the old or the new ranking, never a mix. The facets item
 * ({@code pk = TRENDING#index, sk = FACETS}) names the category and tag lists that exist.
 */
final class DynamoTrendingStore implements TrendingStore {
  private static final String LIST = "LIST";
  private static final String INDEX = "TRENDING#index";
  private static final String FACETS = "FACETS";

  private final DynamoDbClient dynamoDb;
  private final String table;

  DynamoTrendingStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public RankedList list(Facet facet) {
    Map<String, AttributeValue> item = get("TRENDING#" + facet.key(), LIST);
    if (item == null) {
      return RankedList.EMPTY;
    }
    return new RankedList(strings(item.get("videoIds")), instant(item.get("computedAt")));
  }

  @Override
  public void save(Facet facet, RankedList list) {
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("TRENDING#" + facet.key()),
                        "sk", AttributeValue.fromS(LIST),
                        "videoIds", list(list.videoIds()),
                        "computedAt", AttributeValue.fromS(list.computedAt().toString()))));
  }

  @Override
  public Facets facets() {
    Map<String, AttributeValue> item = get(INDEX, FACETS);
    if (item == null) {
      return Facets.NONE;
    }
    return new Facets(strings(item.get("categories")), strings(item.get("tags")));
  }

  @Override
  public void saveFacets(Facets facets, Instant computedAt) {
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS(INDEX),
                        "sk", AttributeValue.fromS(FACETS),
                        "categories", list(facets.categories()),
                        "tags", list(facets.tags()),
                        "computedAt", AttributeValue.fromS(computedAt.toString()))));
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
    return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
  }

  static AttributeValue list(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  static List<String> strings(AttributeValue value) {
    return value == null || !value.hasL()
        ? List.of()
        : value.l().stream().map(AttributeValue::s).toList();
  }

  private static Instant instant(AttributeValue value) {
    return value == null || value.s() == null ? null : Instant.parse(value.s());
  }
}
