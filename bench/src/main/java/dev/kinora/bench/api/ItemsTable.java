package dev.kinora.bench.api;

import dev.kinora.shared.aws.HttpClients;
import dev.kinora.shared.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The bench's {@code ItemsTable}: its item ids and attributes, and the one way both the bench
 * function and the direct baseline build their DynamoDB client, so the two read the same server
 * through identically configured SDK clients.
 */
public final class ItemsTable {

  /** The key attribute of {@code ItemsTable} in {@code api-bench/template.yaml}. */
  static final String KEY = "id";

  private ItemsTable() {}

  /**
   * A DynamoDB client from the function's environment, the way Kinora functions build theirs: the
   * lightweight URL-connection HTTP client, endpoint and region from {@code
   * AWS_ENDPOINT_URL_DYNAMODB} and {@code AWS_REGION}.
   */
  public static DynamoDbClient client(Config config) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(config.require("AWS_ENDPOINT_URL_DYNAMODB")))
        .region(Region.of(config.require("AWS_REGION")))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    config.require("AWS_ACCESS_KEY_ID"), config.require("AWS_SECRET_ACCESS_KEY"))))
        .httpClient(HttpClients.urlConnection())
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** The id of the {@code n}-th seeded item, e.g. {@code item-000042}. */
  public static String id(int n) {
    return String.format(Locale.ROOT, "item-%06d", n);
  }

  /** What a seeded item holds: a title, a view count and a description of about 200 bytes. */
  static Map<String, AttributeValue> item(int n) {
    return Map.of(
        KEY,
        AttributeValue.fromS(id(n)),
        "title",
        AttributeValue.fromS("Bench video " + n),
        "views",
        AttributeValue.fromN(Integer.toString(n * 7)),
        "description",
        AttributeValue.fromS(
            "Seeded by ./kinora bench api so that GetItem returns a payload the size of a small"
                + " video record: a title, a counter and a paragraph of text like this one, "
                + n));
  }

  static GetItemRequest getItem(String table, String id) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(Map.of(KEY, AttributeValue.fromS(id)))
        .build();
  }
}
