package dev.kinora.videos;

import dev.kinora.shared.model.ChannelSummary;
import java.util.Optional;

/** Port: the channel a video belongs to (the accounts context owns channels). */
public interface ChannelDirectory {

  Optional<ChannelSummary> find(String channelId);
}
