package dev.kinora.discovery;

import java.util.Optional;

/** Port: which channel a path names (an id, or a handle with or without a leading @). */
interface ChannelDirectory {
  Optional<String> channelId(String idOrHandle);
}
