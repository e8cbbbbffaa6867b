package dev.kinora.accounts;

import dev.kinora.shared.model.Channel;
import java.util.Optional;

/** Port: what the account service needs from storage. */
public interface AccountStore {

  /** What creating an account did. */
  sealed interface Creation {}

  /** The account and its channel exist now. */
  record Created() implements Creation {}

  /** Another account has this email. */
  record EmailTaken() implements Creation {}

  /** Another channel has this handle. */
  record HandleTaken() implements Creation {}

  /**
   * Creates the account, its channel and the reservations of its email and handle, all or nothing.
   */
  Creation create(Account account, Channel channel);

  Optional<Account> findByEmail(String normalizedEmail);

  Optional<Account> findById(String accountId);

  Optional<Channel> findChannel(String channelId);

  Optional<Channel> findChannelByHandle(String handle);

  /**
   * An edit of a channel; null fields keep their value. With {@code avatarKey} the edit applies
   * only while that key is still the channel's issued avatar key, which it then consumes.
   */
  record ChannelEdit(String name, String description, String avatarKey, String avatarUrl) {}

  /**
   * Applies {@code edit} to a channel {@code ownerId} owns.
   *
   * @return the channel after the change; empty if it does not exist, is not theirs, or the avatar
   *     key is no longer the issued one
   */
  Optional<Channel> updateChannel(String channelId, String ownerId, ChannelEdit edit);

  /** The result of issuing an avatar key: the earlier issued key it replaced, or null. */
  record IssuedAvatarKey(String supersededKey) {}

  /**
   * Makes {@code key} the one avatar key of a channel {@code ownerId} owns that may be set (see
   * {@link ChannelEdit}); an earlier issued key is superseded.
   *
   * @return empty if the channel does not exist or is not theirs
   */
  Optional<IssuedAvatarKey> issueAvatarKey(String channelId, String ownerId, String key);

  /**
   * A channel's issued avatar key (may be null) and the key of the avatar it shows (may be null).
   */
  record AvatarKeys(String issued, String current) {}

  /**
   * The avatar keys of a channel {@code ownerId} owns; empty if it does not exist or is not theirs.
   */
  Optional<AvatarKeys> avatarKeys(String channelId, String ownerId);
}
