package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One notification (schema {@code Notification}: a VideoCard plus its own fields). There is one per
 * user and video, so {@code id} is the video's id.
 */
public record Notification(
    String id, Kind kind, boolean read, Instant createdAt, Video video, ChannelSummary channel) {

  /** Schema {@code NotificationKind}. */
  public enum Kind {
    @JsonProperty("upload")
    UPLOAD
  }
}
