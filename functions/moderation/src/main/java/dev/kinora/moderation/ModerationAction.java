package dev.kinora.moderation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One audit record (schema {@code ModerationAction}): who did what to which item, why and when.
 * Written once, never changed. {@code removedText} keeps a removed comment's text for appeals; it
 * is never answered over the API.
 */
public record ModerationAction(
    String id,
    Actor actor,
    String action,
    String targetKind,
    String targetId,
    String reason,
    Integer closedReports,
    Instant at,
    @JsonIgnore String removedText) {
  public static final String BLOCK = "block";
  public static final String UNBLOCK = "unblock";
  public static final String REMOVE = "remove";
  public static final String DISMISS = "dismiss";

  /** The moderator. */
  public record Actor(String userId, String handle) {}

  @JsonIgnore
  public Target target() {
    return new Target(targetKind, targetId);
  }

  public ModerationAction withClosedReports(int closed) {
    return new ModerationAction(
        id, actor, action, targetKind, targetId, reason, closed, at, removedText);
  }
}
