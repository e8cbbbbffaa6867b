package dev.kinora.engagement;

import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.CommentAuthor;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The author's channel from AccountsTable ({@code CHANNEL#<id>}, GetItem only). Name and avatar are
 * copied into the comment when it is posted: listing comments then needs no second table.
 */
public final class DynamoAuthorDirectory implements AuthorDirectory {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoAuthorDirectory(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public CommentAuthor authorOf(SessionUser user) {
    String pk = "CHANNEL#" + user.channelId();
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("CHANNEL")))
                    .projectionExpression("handle, #name, avatarUrl")
                    .expressionAttributeNames(Map.of("#name", "name")));
    Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
    return new CommentAuthor(
        user.channelId(),
        text(item, "handle", user.handle()),
        text(item, "name", user.handle()),
        text(item, "avatarUrl", null));
  }

  private static String text(Map<String, AttributeValue> item, String name, String fallback) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? fallback : value.s();
  }
}
