package dev.kinora.accounts;

import dev.kinora.shared.model.Channel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts and channels in one table (see docs/data-model.md): {@code pk}/{@code sk} items {@code
 * ACCOUNT#id}, {@code CHANNEL#id}, and the uniqueness reservations {@code EMAIL#email} and {@code
 * HANDLE#handle}. Every read is a GetItem by key.
 */
public final class DynamoAccountStore implements AccountStore {
  private static final String ACCOUNT = "ACCOUNT#";
  private static final String CHANNEL = "CHANNEL#";
  private static final String EMAIL = "EMAIL#";
  private static final String HANDLE = "HANDLE#";
  private static final String NOT_EXISTS = "attribute_not_exists(pk)";
  // The avatar key issued last on a channel item; consumed when it becomes the avatar.
  private static final String PENDING_AVATAR_KEY = "pendingAvatarKey";
  // Positions in the sign-up transaction; cancellation reasons come back in the same order.
  private static final int EMAIL_ITEM = 1;
  private static final int HANDLE_ITEM = 2;
  private static final int MAX_ATTEMPTS = 3;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoAccountStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Creation create(Account account, Channel channel) {
    var accountItem = item(ACCOUNT + account.id());
    accountItem.put("id", s(account.id()));
    accountItem.put("email", s(account.email()));
    accountItem.put("passwordHash", s(account.passwordHash()));
    accountItem.put("channelId", s(account.channelId()));
    accountItem.put("handle", s(account.handle()));
    accountItem.put("createdAt", s(account.createdAt().toString()));
    var emailItem = item(EMAIL + account.email());
    emailItem.put("accountId", s(account.id()));
    var handleItem = item(HANDLE + channel.handle());
    handleItem.put("channelId", s(channel.id()));
    var channelItem = item(CHANNEL + channel.id());
    channelItem.put("id", s(channel.id()));
    channelItem.put("handle", s(channel.handle()));
    channelItem.put("name", s(channel.name()));
    channelItem.put("ownerId", s(account.id()));
    channelItem.put("subscriberCount", AttributeValue.fromN(Long.toString(0)));
    try {
      dynamoDb.transactWriteItems(
          r ->
              r.transactItems(
                  List.of(put(accountItem), put(emailItem), put(handleItem), put(channelItem))));
      return new Created();
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failedCondition(reasons, EMAIL_ITEM)) {
        return new EmailTaken();
      }
      if (failedCondition(reasons, HANDLE_ITEM)) {
        return new HandleTaken();
      }
      throw e; // a conflict with a concurrent transaction, or an id collision: retryable
    }
  }

  private static boolean failedCondition(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  @Override
  public Optional<Account> findByEmail(String normalizedEmail) {
    return get(EMAIL + normalizedEmail)
        .map(item -> item.get("accountId").s())
        .flatMap(this::findById);
  }

  @Override
  public Optional<Account> findById(String accountId) {
    return get(ACCOUNT + accountId)
        .map(
            item ->
                new Account(
                    item.get("id").s(),
                    item.get("email").s(),
                    item.get("passwordHash").s(),
                    item.get("channelId").s(),
                    item.get("handle").s(),
                    Instant.parse(item.get("createdAt").s())));
  }

  @Override
  public Optional<Channel> findChannel(String channelId) {
    return get(CHANNEL + channelId).map(DynamoAccountStore::channel);
  }

  @Override
  public Optional<Channel> findChannelByHandle(String handle) {
    return get(HANDLE + handle).map(item -> item.get("channelId").s()).flatMap(this::findChannel);
  }

  @Override
  public Optional<Channel> updateChannel(String channelId, String ownerId, ChannelEdit edit) {
    var sets = new StringBuilder("SET #updatedAt = :now");
    var names = new HashMap<String, String>(Map.of("#updatedAt", "updatedAt", "#owner", "ownerId"));
    var values =
        new HashMap<String, AttributeValue>(
            Map.of(":now", s(Instant.now().toString()), ":owner", s(ownerId)));
    // Ownership is checked by the write itself, not by a read before it.
    var condition = new StringBuilder("attribute_exists(pk) AND #owner = :owner");
    String removes = "";
    if (edit.name() != null) {
      sets.append(", #name = :name");
      names.put("#name", "name");
      values.put(":name", s(edit.name()));
    }
    if (edit.description() != null) {
      sets.append(", #description = :description");
      names.put("#description", "description");
      values.put(":description", s(edit.description()));
    }
    if (edit.avatarKey() != null) {
      sets.append(", #avatarKey = :avatarKey, #avatarUrl = :avatarUrl");
      names.put("#avatarKey", "avatarKey");
      names.put("#avatarUrl", "avatarUrl");
      names.put("#issued", PENDING_AVATAR_KEY);
      values.put(":avatarKey", s(edit.avatarKey()));
      values.put(":avatarUrl", s(edit.avatarUrl()));
      // Only the key issued last, and only once: a newer upload or a second confirm fails here.
      condition.append(" AND #issued = :avatarKey");
      removes = " REMOVE #issued";
    }
    String update = sets + removes;
    try {
      var result =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key(CHANNEL + channelId))
                      .updateExpression(update)
                      .conditionExpression(condition.toString())
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(channel(result.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<IssuedAvatarKey> issueAvatarKey(String channelId, String ownerId, String key) {
    try {
      var result =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key(CHANNEL + channelId))
                      .updateExpression("SET #issued = :key")
                      .conditionExpression("attribute_exists(pk) AND #owner = :owner")
                      .expressionAttributeNames(
                          Map.of("#issued", PENDING_AVATAR_KEY, "#owner", "ownerId"))
                      .expressionAttributeValues(Map.of(":key", s(key), ":owner", s(ownerId)))
                      .returnValues(ReturnValue.UPDATED_OLD));
      return Optional.of(
          new IssuedAvatarKey(
              result.hasAttributes() ? text(result.attributes(), PENDING_AVATAR_KEY) : null));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<AvatarKeys> avatarKeys(String channelId, String ownerId) {
    return get(CHANNEL + channelId)
        .filter(item -> ownerId.equals(text(item, "ownerId")))
        .map(item -> new AvatarKeys(text(item, PENDING_AVATAR_KEY), text(item, "avatarKey")));
  }

  private static Channel channel(Map<String, AttributeValue> item) {
    return new Channel(
        item.get("id").s(),
        item.get("handle").s(),
        item.get("name").s(),
        text(item, "description"),
        text(item, "avatarUrl"),
        Long.parseLong(item.get("subscriberCount").n()));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null || value.s().isEmpty() ? null : value.s();
  }

  private Optional<Map<String, AttributeValue>> get(String pk) {
    var response = dynamoDb.getItem(r -> r.tableName(table).key(key(pk)));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).conditionExpression(NOT_EXISTS).build())
        .build();
  }

  private static Map<String, AttributeValue> item(String pk) {
    return new HashMap<>(key(pk));
  }

  private static Map<String, AttributeValue> key(String pk) {
    // One item per partition: sk repeats the kind, leaving room for items under the same pk later.
    return Map.of("pk", s(pk), "sk", s(pk.substring(0, pk.indexOf('#'))));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
