package dev.kinora.local.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Grants and revokes account roles in AccountsTable (docs/data-model.md): the string set {@code
 * roles} on the {@code ACCOUNT#<id>} item. This is the only writer of roles; no API route can, so
 * becoming an admin needs write access to the table, i.e. an operator.
 */
public final class AccountRoleGrants {
  /** The moderators' role. */
  public static final String ADMIN = "admin";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public AccountRoleGrants(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The account a handle ({@code ada}, {@code @ada}) or an email names. */
  public record AccountRef(String accountId, String handle) {}

  /** The account {@code handleOrEmail} names, if any. */
  public Optional<AccountRef> find(String handleOrEmail) {
    String who = handleOrEmail.strip();
    if (who.contains("@") && !who.startsWith("@")) {
      // Emails are keys trimmed and lower-cased, as the accounts context stores them.
      return get("EMAIL#" + who.toLowerCase(Locale.ROOT), "EMAIL")
          .map(reservation -> reservation.get("accountId").s())
          .flatMap(this::account);
    }
    String handle = (who.startsWith("@") ? who.substring(1) : who).toLowerCase(Locale.ROOT);
    return get("HANDLE#" + handle, "HANDLE")
        .map(reservation -> reservation.get("channelId").s())
        .flatMap(channelId -> get("CHANNEL#" + channelId, "CHANNEL"))
        .map(channel -> channel.get("ownerId").s())
        .flatMap(this::account);
  }

  /** Adds {@code role}; the roles afterwards. Granting twice changes nothing. */
  public Set<String> grant(AccountRef account, String role) {
    return change(account, "ADD", role);
  }

  /** Removes {@code role}; the roles afterwards. Revoking what is not held changes nothing. */
  public Set<String> revoke(AccountRef account, String role) {
    return change(account, "DELETE", role);
  }

  private Set<String> change(AccountRef account, String verb, String role) {
    try {
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key("ACCOUNT#" + account.accountId(), "ACCOUNT"))
                      .updateExpression(verb + " #roles :role")
                      // never create a half account item for an id that is gone
                      .conditionExpression("attribute_exists(pk)")
                      .expressionAttributeNames(Map.of("#roles", "roles"))
                      .expressionAttributeValues(
                          Map.of(":role", AttributeValue.fromSs(java.util.List.of(role))))
                      .returnValues(ReturnValue.ALL_NEW));
      AttributeValue roles = response.attributes().get("roles");
      return roles == null || !roles.hasSs() ? Set.of() : new TreeSet<>(roles.ss());
    } catch (ConditionalCheckFailedException gone) {
      throw new IllegalStateException("account " + account.accountId() + " no longer exists", gone);
    }
  }

  private Optional<AccountRef> account(String accountId) {
    return get("ACCOUNT#" + accountId, "ACCOUNT")
        .map(item -> new AccountRef(accountId, item.get("handle").s()));
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    var response = dynamoDb.getItem(r -> r.tableName(table).key(key(pk, sk)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }
}
