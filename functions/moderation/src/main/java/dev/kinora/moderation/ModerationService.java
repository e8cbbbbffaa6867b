package dev.kinora.moderation;

import dev.kinora.moderation.ModerationStore.Change;
import dev.kinora.moderation.ModerationStore.CommentRow;
import dev.kinora.moderation.ModerationStore.Opening;
import dev.kinora.moderation.ModerationStore.QueuePage;
import dev.kinora.moderation.ModerationStore.VideoRow;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.log.Log;
import dev.kinora.shared.ratelimit.RateLimiter;
import dev.kinora.shared.video.VideoAccessPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The moderation rules. Anyone signed in reports what they can see (rate limited, one open report
 * per user and item); admins work the queue: block or unblock a video, remove a comment, dismiss
 * reports. Every admin action is written as an audit record in the same transaction as the change
 * it records, then closes the item's open reports.
 */
public final class ModerationService {
  /** What a removed comment reads in its thread. */
  public static final String REMOVED_COMMENT_TEXT = "[This comment was removed by a moderator]";

  private static final int REMOVE_ATTEMPTS = 3;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** The numbers of limits.json {@code moderation}. */
  public record Limits(int previewLength, int auditPageSize) {}

  private final ModerationStore store;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final SecureRandom random;
  private final Clock clock;

  public ModerationService(
      ModerationStore store,
      RateLimiter rateLimiter,
      Limits limits,
      SecureRandom random,
      Clock clock) {
    this.store = store;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.random = random;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- reports (anyone signed in)

  /** Opens a report, or answers the caller's open one on the same item. */
  public Opening report(SessionUser user, ReportCreateRequest request) {
    rateLimiter.check("report", user.userId());
    Target target = new Target(request.targetKind(), request.targetId());
    String videoId;
    String preview;
    if (target.isVideo()) {
      VideoRow video = visibleVideo(target.id(), user);
      videoId = video.id();
      preview = video.title();
    } else {
      CommentRow comment =
          store
              .findComment(target.id())
              .filter(found -> !found.removed())
              .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such comment"));
      videoId = visibleVideo(comment.videoId(), user).id();
      preview = comment.text();
    }
    String text =
        request.text() == null || request.text().isBlank() ? null : request.text().strip();
    var report =
        new Report(
            target.kind(),
            target.id(),
            request.reason(),
            text,
            Report.OPEN,
            clock.instant(),
            user.userId());
    return store.open(report, videoId, shorten(preview));
  }

  /** Only what the caller may see can be reported: anything else is "not found", never "hidden". */
  private VideoRow visibleVideo(String videoId, SessionUser user) {
    return store
        .findVideo(videoId)
        .filter(video -> VideoAccessPolicy.canSee(video.facts(), user.userId()))
        .orElseThrow(() -> new ApiException(ErrorCode.VIDEO_NOT_FOUND, "No such video"));
  }

  private String shorten(String text) {
    String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= limits.previewLength()
        ? oneLine
        : oneLine.substring(0, limits.previewLength() - 1) + "…";
  }

  // ---------------------------------------------------------------- the queue and actions (admins)

  public QueuePage queue(SessionUser user, String cursor, int limit) {
    requireAdmin(user);
    QueuePage page = store.queue(cursor, limit);
    List<String> videoIds =
        page.entries().stream()
            .filter(entry -> Target.VIDEO.equals(entry.targetKind()))
            .map(ReportQueueEntry::targetId)
            .toList();
    if (videoIds.isEmpty()) {
      return page;
    }
    Map<String, String> statuses = store.videoStatuses(videoIds);
    return new QueuePage(
        page.entries().stream()
            .map(
                entry ->
                    Target.VIDEO.equals(entry.targetKind())
                        ? entry.withVideoStatus(statuses.get(entry.targetId()))
                        : entry)
            .toList(),
        page.nextCursor());
  }

  public ModerationAction block(SessionUser user, String videoId, String reason) {
    requireAdmin(user);
    ModerationAction audit = action(user, ModerationAction.BLOCK, Target.video(videoId), reason);
    requireDone(store.block(videoId, audit), "Only a ready video can be blocked");
    return closeReportsAfter(audit);
  }

  public ModerationAction unblock(SessionUser user, String videoId, String reason) {
    requireAdmin(user);
    ModerationAction audit = action(user, ModerationAction.UNBLOCK, Target.video(videoId), reason);
    requireDone(store.unblock(videoId, audit), "The video is not blocked");
    return closeReportsAfter(audit);
  }

  public ModerationAction removeComment(SessionUser user, String commentId, String reason) {
    requireAdmin(user);
    Target target = Target.comment(commentId);
    for (int attempt = 1; attempt <= REMOVE_ATTEMPTS; attempt++) {
      CommentRow comment =
          store
              .findComment(commentId)
              .filter(found -> !found.removed())
              .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such comment"));
      ModerationAction audit =
          withRemovedText(action(user, ModerationAction.REMOVE, target, reason), comment.text());
      Change change = store.removeComment(commentId, comment.text(), REMOVED_COMMENT_TEXT, audit);
      if (change == Change.DONE) {
        return closeReportsAfter(audit);
      }
      if (change == Change.NOT_FOUND) {
        throw new ApiException(ErrorCode.NOT_FOUND, "No such comment");
      }
      // WRONG_STATE: the author edited it between the read and the write; read it again
    }
    throw new ApiException(ErrorCode.CONFLICT, "The comment keeps changing; try removing it again");
  }

  public ModerationAction dismiss(SessionUser user, Target target, String reason) {
    requireAdmin(user);
    int closed = store.closeReports(target, clock.instant());
    if (closed == 0) {
      throw new ApiException(ErrorCode.NOT_FOUND, "This item has no open reports");
    }
    ModerationAction audit =
        action(user, ModerationAction.DISMISS, target, reason).withClosedReports(closed);
    store.record(audit);
    log(audit);
    return audit;
  }

  public List<ModerationAction> audit(SessionUser user, Target target) {
    requireAdmin(user);
    return store.auditOf(target, limits.auditPageSize());
  }

  private ModerationAction closeReportsAfter(ModerationAction audit) {
    log(audit);
    int closed = store.closeReports(audit.target(), audit.at());
    return audit.withClosedReports(closed);
  }

  private static void requireDone(Change change, String wrongState) {
    if (change == Change.NOT_FOUND) {
      throw new ApiException(ErrorCode.VIDEO_NOT_FOUND, "No such video");
    }
    if (change == Change.WRONG_STATE) {
      throw new ApiException(ErrorCode.CONFLICT, wrongState);
    }
  }

  private static void requireAdmin(SessionUser user) {
    if (!user.isAdmin()) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Only moderators (admins) can do this");
    }
  }

  private ModerationAction action(SessionUser user, String kind, Target target, String reason) {
    byte[] id = new byte[12];
    random.nextBytes(id);
    Instant at = clock.instant();
    return new ModerationAction(
        BASE64URL.encodeToString(id),
        new ModerationAction.Actor(user.userId(), user.handle()),
        kind,
        target.kind(),
        target.id(),
        reason.strip(),
        null,
        at,
        null);
  }

  private static ModerationAction withRemovedText(ModerationAction audit, String text) {
    return new ModerationAction(
        audit.id(),
        audit.actor(),
        audit.action(),
        audit.targetKind(),
        audit.targetId(),
        audit.reason(),
        audit.closedReports(),
        audit.at(),
        text);
  }

  private static void log(ModerationAction audit) {
    Log.info(
        "moderation action",
        Map.of(
            "action", audit.action(),
            "targetKind", audit.targetKind(),
            "targetId", audit.targetId(),
            "actor", audit.actor().userId(),
            "auditId", audit.id()));
  }
}
