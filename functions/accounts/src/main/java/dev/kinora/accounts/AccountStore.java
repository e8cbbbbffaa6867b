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
   * Sets the name and/or description (null keeps the value) of a channel {@code ownerId} owns.
   *
   * @return the channel after the change; empty if it does not exist or is not theirs
   */
  Optional<Channel> updateChannel(
      String channelId, String ownerId, String name, String description);
}
