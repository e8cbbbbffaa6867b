package dev.kinora.shared.model;

/**
 * Body of {@code PATCH /api/v1/channels/me} (schema {@code ChannelUpdateRequest}); a null field
 * keeps its current value. {@code avatarKey} is a key {@code POST /api/v1/channels/me/avatar}
 * issued for the caller's channel.
 */
public record ChannelUpdateRequest(String name, String description, String avatarKey) {

  /** A name and/or description edit that leaves the avatar alone. */
  public ChannelUpdateRequest(String name, String description) {
    this(name, description, null);
  }
}
