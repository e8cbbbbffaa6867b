package dev.kinora.engagement;

import dev.kinora.shared.model.ChannelSummary;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Port: channels (AccountsTable {@code CHANNEL#<id>}; the accounts context owns them). */
public interface ChannelDirectory {

  /** One channel, read consistently (its subscriberCount right after a change). */
  Optional<ChannelSummary> channel(String channelId);

  /** Several channels by id; unknown ids are absent from the map. */
  Map<String, ChannelSummary> channels(Collection<String> channelIds);
}
