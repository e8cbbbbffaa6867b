package dev.kinora.accounts;

import dev.kinora.shared.model.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The account store in memory, with the same all-or-nothing uniqueness as the table. */
final class InMemoryAccountStore implements AccountStore {
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, String> emails = new HashMap<>();
  private final Map<String, String> handles = new HashMap<>();
  private final Map<String, Channel> channels = new HashMap<>();
  private final Map<String, String> owners = new HashMap<>();
  private final Map<String, String> issuedAvatarKeys = new HashMap<>();
  private final Map<String, String> avatarKeys = new HashMap<>();

  @Override
  public synchronized Creation create(Account account, Channel channel) {
    if (emails.containsKey(account.email())) {
      return new EmailTaken();
    }
    if (handles.containsKey(channel.handle())) {
      return new HandleTaken();
    }
    accounts.put(account.id(), account);
    emails.put(account.email(), account.id());
    handles.put(channel.handle(), channel.id());
    channels.put(channel.id(), channel);
    owners.put(channel.id(), account.id());
    return new Created();
  }

  @Override
  public synchronized Optional<Account> findByEmail(String normalizedEmail) {
    return Optional.ofNullable(emails.get(normalizedEmail)).map(accounts::get);
  }

  @Override
  public synchronized Optional<Account> findById(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  @Override
  public synchronized Optional<Channel> findChannel(String channelId) {
    return Optional.ofNullable(channels.get(channelId));
  }

  @Override
  public synchronized Optional<Channel> findChannelByHandle(String handle) {
    return Optional.ofNullable(handles.get(handle)).map(channels::get);
  }

  @Override
  public synchronized Optional<Channel> updateChannel(
      String channelId, String ownerId, ChannelEdit edit) {
    Channel channel = channels.get(channelId);
    if (channel == null || !ownerId.equals(owners.get(channelId))) {
      return Optional.empty();
    }
    if (edit.avatarKey() != null && !edit.avatarKey().equals(issuedAvatarKeys.get(channelId))) {
      return Optional.empty();
    }
    if (edit.avatarKey() != null) {
      issuedAvatarKeys.remove(channelId);
      avatarKeys.put(channelId, edit.avatarKey());
    }
    Channel updated =
        new Channel(
            channel.id(),
            channel.handle(),
            edit.name() == null ? channel.name() : edit.name(),
            edit.description() == null ? channel.description() : edit.description(),
            edit.avatarUrl() == null ? channel.avatarUrl() : edit.avatarUrl(),
            channel.subscriberCount());
    channels.put(channelId, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized Optional<IssuedAvatarKey> issueAvatarKey(
      String channelId, String ownerId, String key) {
    if (!channels.containsKey(channelId) || !ownerId.equals(owners.get(channelId))) {
      return Optional.empty();
    }
    return Optional.of(new IssuedAvatarKey(issuedAvatarKeys.put(channelId, key)));
  }

  @Override
  public synchronized Optional<AvatarKeys> avatarKeys(String channelId, String ownerId) {
    if (!channels.containsKey(channelId) || !ownerId.equals(owners.get(channelId))) {
      return Optional.empty();
    }
    return Optional.of(new AvatarKeys(issuedAvatarKeys.get(channelId), avatarKeys.get(channelId)));
  }
}
