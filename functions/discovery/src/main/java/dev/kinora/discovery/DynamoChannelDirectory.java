package dev.kinora.discovery;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AccountsTable, read only, the way accounts resolves {@code /channels/{idOrHandle}}: {@code
 * GetItem CHANNEL#<id>} unless the value starts with {@code @}, then {@code GetItem
 * HANDLE#<handle>}.
 */
final class DynamoChannelDirectory implements ChannelDirectory {
  private final DynamoDbClient dynamoDb;
  private final String table;

  DynamoChannelDirectory(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<String> channelId(String idOrHandle) {
    boolean handleOnly = idOrHandle.startsWith("@");
    String value = handleOnly ? idOrHandle.substring(1) : idOrHandle;
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> byId =
        handleOnly ? Optional.empty() : attribute("CHANNEL#" + value, "CHANNEL", "id");
    return byId.or(
        () -> attribute("HANDLE#" + value.toLowerCase(Locale.ROOT), "HANDLE", "channelId"));
  }

  private Optional<String> attribute(String pk, String sk, String name) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                    .projectionExpression(name));
    if (!response.hasItem() || response.item().get(name) == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(response.item().get(name).s());
  }
}
