package dev.kinora.moderation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One user's report of one item (schema {@code Report}); {@code reporterId} stays on the server.
 */
public record Report(
    String targetKind,
    String targetId,
    String reason,
    String text,
    String status,
    Instant createdAt,
    @JsonIgnore String reporterId) {
  public static final String OPEN = "open";
  public static final String CLOSED = "closed";

  @JsonIgnore
  public Target target() {
    return new Target(targetKind, targetId);
  }
}
