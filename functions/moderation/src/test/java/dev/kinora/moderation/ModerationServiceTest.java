package dev.kinora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.local.testing.MutableClock;
import dev.kinora.moderation.ModerationStore.AlreadyOpen;
import dev.kinora.moderation.ModerationStore.Change;
import dev.kinora.moderation.ModerationStore.CommentRow;
import dev.kinora.moderation.ModerationStore.Opened;
import dev.kinora.moderation.ModerationStore.QueuePage;
import dev.kinora.moderation.ModerationStore.VideoRow;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModerationServiceTest {
  private static final SessionUser OWNER = new SessionUser("u_owner", "ch_o", "owner", 0);
  private static final SessionUser VIEWER = new SessionUser("u_viewer", "ch_v", "viewer", 0);
  private static final SessionUser ADMIN =
      new SessionUser("u_admin", "ch_a", "mod", 0, Set.of(SessionUser.ADMIN));

  private final FakeStore store = new FakeStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T04:00:00Z"));
  private final Contract contract = Contract.load();
  private final ModerationService service =
      new ModerationService(
          store,
          new RateLimiter(contract.limits(), new InMemoryRateLimitCounter(), clock),
          new ModerationService.Limits(10, 50),
          new SecureRandom(),
          clock);

  private static ReportCreateRequest video(String id) {
    return new ReportCreateRequest("video", id, "spam", "  see it  ");
  }

  @Test
  void aReportKeepsTheReporterTheTrimmedDetailsAndAShortenedPreview() {
    store.videos.put("v1", row("v1", VideoVisibility.PUBLIC, VideoStatus.READY));

    var opening = service.report(VIEWER, video("v1"));

    assertThat(opening).isInstanceOf(Opened.class);
    Report report = ((Opened) opening).report();
    assertThat(report.reporterId()).isEqualTo("u_viewer");
    assertThat(report.text()).isEqualTo("see it");
    assertThat(store.previews.get("v1")).isEqualTo("A very lo…").hasSize(10);
  }

  @Test
  void aPrivateOrUnfinishedVideoOfSomeoneElseIsNotFoundButItsOwnerMayReportIt() {
    store.videos.put("p1", row("p1", VideoVisibility.PRIVATE, VideoStatus.READY));
    store.videos.put("b1", row("b1", VideoVisibility.PUBLIC, VideoStatus.BLOCKED));

    assertThatThrownBy(() -> service.report(VIEWER, video("p1")))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThatThrownBy(() -> service.report(VIEWER, video("b1")))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(service.report(OWNER, video("p1"))).isInstanceOf(Opened.class);
  }

  @Test
  void aRemovedCommentOrOneOnAnInvisibleVideoCannotBeReported() {
    store.videos.put("p1", row("p1", VideoVisibility.PRIVATE, VideoStatus.READY));
    store.comments.put("c1", new CommentRow("c1", "p1", "hi", false));
    store.comments.put("c2", new CommentRow("c2", "p1", "gone", true));

    assertThatThrownBy(
            () -> service.report(VIEWER, new ReportCreateRequest("comment", "c1", "hate", null)))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThatThrownBy(
            () -> service.report(OWNER, new ReportCreateRequest("comment", "c2", "hate", null)))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void reportsOverTheRateLimitAreRefused() {
    store.videos.put("v1", row("v1", VideoVisibility.PUBLIC, VideoStatus.READY));
    int allowed = contract.limitInteger("rateLimits.report.requests");
    for (int i = 0; i < allowed; i++) {
      service.report(VIEWER, video("v1"));
    }

    assertThatThrownBy(() -> service.report(VIEWER, video("v1")))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.RATE_LIMITED);
  }

  @Test
  void everyAdminActionIsForbiddenWithoutTheRole() {
    List<Runnable> actions =
        List.of(
            () -> service.queue(VIEWER, null, 10),
            () -> service.block(VIEWER, "v1", "x"),
            () -> service.unblock(VIEWER, "v1", "x"),
            () -> service.removeComment(VIEWER, "c1", "x"),
            () -> service.dismiss(VIEWER, Target.video("v1"), "x"),
            () -> service.audit(VIEWER, Target.video("v1")));
    for (Runnable action : actions) {
      assertThatThrownBy(action::run)
          .extracting(e -> ((ApiException) e).code())
          .isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(store.audit).isEmpty();
  }

  @Test
  void blockingRecordsWhoWhyAndWhenAndClosesTheReports() {
    store.blockAnswer = Change.DONE;
    store.openReports = 3;

    ModerationAction action = service.block(ADMIN, "v1", "  Graphic  ");

    assertThat(action.actor()).isEqualTo(new ModerationAction.Actor("u_admin", "mod"));
    assertThat(action.reason()).isEqualTo("Graphic");
    assertThat(action.at()).isEqualTo(clock.instant());
    assertThat(action.closedReports()).isEqualTo(3);
    assertThat(store.audit).extracting(ModerationAction::action).containsExactly("block");
  }

  @Test
  void blockingSomethingNotReadyIsAConflictAndSomethingMissingNotFound() {
    store.blockAnswer = Change.WRONG_STATE;
    assertThatThrownBy(() -> service.block(ADMIN, "v1", "x"))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
    store.blockAnswer = Change.NOT_FOUND;
    assertThatThrownBy(() -> service.block(ADMIN, "v1", "x"))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
  }

  @Test
  void aCommentEditedWhileBeingRemovedIsReadAgainAndItsLatestTextIsWhatTheAuditKeeps() {
    store.comments.put("c1", new CommentRow("c1", "v1", "first", false));
    store.removeAnswers.add(Change.WRONG_STATE);
    store.removeAnswers.add(Change.DONE);
    store.onRemoveAttempt =
        () -> store.comments.put("c1", new CommentRow("c1", "v1", "edited", false));

    ModerationAction action = service.removeComment(ADMIN, "c1", "Insults");

    assertThat(action.action()).isEqualTo("remove");
    assertThat(store.audit).extracting(ModerationAction::removedText).containsExactly("edited");
  }

  @Test
  void dismissingAnItemWithoutOpenReportsIsNotFoundAndWritesNoAudit() {
    store.openReports = 0;

    assertThatThrownBy(() -> service.dismiss(ADMIN, Target.video("v1"), "x"))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(store.audit).isEmpty();
  }

  private static VideoRow row(String id, VideoVisibility visibility, VideoStatus status) {
    return new VideoRow(
        id, new VideoFacts("u_owner", visibility, status), "A very long title for a preview");
  }

  /** Just enough storage to drive the rules; DynamoModerationStore is proven in the cloud test. */
  private static final class FakeStore implements ModerationStore {
    final Map<String, VideoRow> videos = new HashMap<>();
    final Map<String, CommentRow> comments = new HashMap<>();
    final Map<String, String> previews = new HashMap<>();
    final Map<String, Report> open = new HashMap<>();
    final List<ModerationAction> audit = new ArrayList<>();
    final List<Change> removeAnswers = new ArrayList<>();
    Runnable onRemoveAttempt = () -> {};
    Change blockAnswer = Change.DONE;
    int openReports;

    @Override
    public Optional<VideoRow> findVideo(String videoId) {
      return Optional.ofNullable(videos.get(videoId));
    }

    @Override
    public Optional<CommentRow> findComment(String commentId) {
      return Optional.ofNullable(comments.get(commentId));
    }

    @Override
    public Map<String, String> videoStatuses(Collection<String> videoIds) {
      return Map.of();
    }

    @Override
    public Opening open(Report report, String videoId, String preview) {
      previews.put(videoId, preview);
      String key = report.targetKind() + report.targetId() + report.reporterId();
      Report existing = open.putIfAbsent(key, report);
      return existing == null ? new Opened(report) : new AlreadyOpen(existing);
    }

    @Override
    public QueuePage queue(String cursor, int limit) {
      return new QueuePage(List.of(), null);
    }

    @Override
    public int closeReports(Target target, Instant at) {
      int closed = openReports;
      openReports = 0;
      return closed;
    }

    @Override
    public Change block(String videoId, ModerationAction action) {
      if (blockAnswer == Change.DONE) {
        audit.add(action);
      }
      return blockAnswer;
    }

    @Override
    public Change unblock(String videoId, ModerationAction action) {
      audit.add(action);
      return Change.DONE;
    }

    @Override
    public Change removeComment(
        String commentId, String seenText, String placeholder, ModerationAction action) {
      Change answer = removeAnswers.remove(0);
      if (answer == Change.WRONG_STATE) {
        onRemoveAttempt.run();
      } else if (answer == Change.DONE) {
        audit.add(action);
      }
      return answer;
    }

    @Override
    public void record(ModerationAction action) {
      audit.add(action);
    }

    @Override
    public List<ModerationAction> auditOf(Target target, int limit) {
      return audit;
    }
  }
}
