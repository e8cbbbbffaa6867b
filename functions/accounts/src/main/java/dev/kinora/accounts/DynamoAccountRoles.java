package dev.kinora.accounts;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Roles from AccountsTable {@code ACCOUNT#<id>}: the string set {@code roles} (a set cannot be
 * empty, so "no roles" is an absent attribute). One projected read, consistent so a grant shows at
 * the next authorization that is not cached.
 */
public final class DynamoAccountRoles implements AccountRoles {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoAccountRoles(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Set<String> rolesOf(String accountId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("ACCOUNT#" + accountId),
                            "sk", AttributeValue.fromS("ACCOUNT")))
                    .projectionExpression("#roles")
                    .expressionAttributeNames(Map.of("#roles", "roles"))
                    .consistentRead(true));
    AttributeValue roles = response.hasItem() ? response.item().get("roles") : null;
    return roles == null || !roles.hasSs() ? Set.of() : Set.copyOf(roles.ss());
  }
}
