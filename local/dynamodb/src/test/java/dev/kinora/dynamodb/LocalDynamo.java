package dev.kinora.dynamodb;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A running server plus a real AWS SDK v2 client pointed at it. */
final class LocalDynamo implements AutoCloseable {
  private static final AtomicInteger TABLE_SEQUENCE = new AtomicInteger();

  final DynamoDbLite server;
  final DynamoDbClient client;

  private LocalDynamo(DynamoDbLite server) {
    this.server = server;
    this.client = clientFor(server);
  }

  static LocalDynamo inMemory() {
    return new LocalDynamo(DynamoDbLite.start(new DynamoDbLite.Options(0, null)));
  }

  static LocalDynamo persistentIn(Path dir) {
    return new LocalDynamo(DynamoDbLite.start(new DynamoDbLite.Options(0, dir)));
  }

  static DynamoDbClient clientFor(DynamoDbLite server) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("kinora", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + TABLE_SEQUENCE.incrementAndGet();
  }

  /** Creates an on-demand table with a string hash key and an optional sort key of given type. */
  String table(String hash, String range, ScalarAttributeType rangeType) {
    String name = uniqueName("t");
    CreateTableRequest.Builder request =
        CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
    if (range == null) {
      request
          .attributeDefinitions(attr(hash, ScalarAttributeType.S))
          .keySchema(key(hash, KeyType.HASH));
    } else {
      request
          .attributeDefinitions(attr(hash, ScalarAttributeType.S), attr(range, rangeType))
          .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE));
    }
    client.createTable(request.build());
    return name;
  }

  static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue ss(String... values) {
    return AttributeValue.fromSs(Arrays.asList(values));
  }

  static AttributeValue list(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  /** An item from alternating name/value pairs. */
  static Map<String, AttributeValue> item(Object... pairs) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      item.put(
          (String) pairs[i], value instanceof AttributeValue av ? av : s(String.valueOf(value)));
    }
    return item;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
