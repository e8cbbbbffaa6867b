package dev.kinora.engagement;

import static dev.kinora.engagement.Fixtures.ALICE;
import static dev.kinora.engagement.Fixtures.BOB;
import static dev.kinora.engagement.Fixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.CommentCreateRequest;
import dev.kinora.shared.model.CommentSort;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CommentServiceTest {
  private final Fixtures f = new Fixtures();

  private StoredComment post(String video, SessionUser user, String text, String parentId) {
    return f.comments.create(video, user, new CommentCreateRequest(text, parentId));
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).extracting(e -> ((ApiException) e).code()).isEqualTo(code);
  }

  @Test
  void commentsAndRepliesCountOnTheVideoAndRepliesOnTheirParent() {
    String video = f.publicVideo();
    StoredComment top = post(video, ALICE, "First!", null);
    post(video, BOB, "Second", top.id());

    assertThat(f.videoRow(video).commentCount()).isEqualTo(2);
    assertThat(f.store.find(top.id()).orElseThrow().replyCount()).isEqualTo(1);
    assertThat(top.author().name()).isEqualTo("Name of alice");
  }

  @Test
  void aReplyToAReplyIsAValidationErrorAtParentId() {
    String video = f.publicVideo();
    StoredComment top = post(video, ALICE, "Top", null);
    StoredComment reply = post(video, BOB, "Reply", top.id());

    assertThatThrownBy(() -> post(video, ALICE, "Reply to reply", reply.id()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
              assertThat(e.details().orElseThrow().issues().get(0).path()).isEqualTo("/parentId");
            });
    assertThat(f.videoRow(video).commentCount()).isEqualTo(2);
  }

  @Test
  void aParentOnAnotherVideoIsRefused() {
    StoredComment elsewhere = post(f.publicVideo(), ALICE, "Elsewhere", null);

    assertCode(() -> post(f.publicVideo(), BOB, "Hi", elsewhere.id()), ErrorCode.VALIDATION_ERROR);
  }

  @Test
  void aStrangerCannotCommentOnOrListAPrivateVideo() {
    String video = f.video(VideoVisibility.PRIVATE, VideoStatus.READY);

    assertCode(() -> post(video, ALICE, "Hi", null), ErrorCode.VIDEO_NOT_FOUND);
    assertCode(
        () -> f.comments.list(video, Optional.empty(), CommentSort.NEWEST, null, 20),
        ErrorCode.VIDEO_NOT_FOUND);
    post(video, OWNER, "Note to self", null);
    assertThat(f.comments.list(video, Optional.of(OWNER), CommentSort.NEWEST, null, 20).items())
        .hasSize(1);
  }

  @Test
  void anAdminReadsTheCommentsOfABlockedVideoButNeitherCommentsOnItNorEditsThem() {
    String video = f.publicVideo();
    StoredComment top = post(video, ALICE, "Reported comment", null);
    post(video, BOB, "A reply", top.id());
    VideoRef row = f.videoRow(video);
    f.store.put(
        new VideoRef(
            video,
            row.ownerId(),
            row.visibility(),
            VideoStatus.BLOCKED,
            row.likeCount(),
            row.dislikeCount(),
            row.commentCount()));
    SessionUser admin =
        new SessionUser("acc_mod", "ch_mod", "mod", Long.MAX_VALUE, Set.of(SessionUser.ADMIN));

    assertThat(f.comments.list(video, Optional.of(admin), CommentSort.NEWEST, null, 20).items())
        .extracting(StoredComment::text)
        .containsExactly("Reported comment");
    assertThat(f.comments.replies(top.id(), Optional.of(admin), null, 20).items()).hasSize(1);
    assertCode(
        () -> f.comments.list(video, Optional.of(BOB), CommentSort.NEWEST, null, 20),
        ErrorCode.VIDEO_NOT_FOUND);
    assertCode(() -> f.comments.replies(top.id(), Optional.empty(), null, 20), ErrorCode.NOT_FOUND);
    assertCode(() -> post(video, admin, "Looking into it", null), ErrorCode.VIDEO_NOT_FOUND);
    assertCode(() -> f.comments.delete(top.id(), admin), ErrorCode.NOT_FOUND);
  }

  @Test
  void repliesOfACommentOnAVideoTurnedPrivateAreNotFound() {
    String video = f.publicVideo();
    StoredComment top = post(video, ALICE, "Top", null);
    VideoRef row = f.videoRow(video);
    f.store.put(new VideoRef(video, row.ownerId(), VideoVisibility.PRIVATE, row.status(), 0, 0, 1));

    assertCode(() -> f.comments.replies(top.id(), Optional.of(BOB), null, 20), ErrorCode.NOT_FOUND);
  }

  @Test
  void onlyTheAuthorOrTheVideosOwnerMayDelete() {
    String video = f.publicVideo();
    StoredComment byAlice = post(video, ALICE, "Mine", null);
    StoredComment byBob = post(video, BOB, "Bob's", null);

    assertCode(() -> f.comments.delete(byAlice.id(), BOB), ErrorCode.FORBIDDEN);
    f.comments.delete(byAlice.id(), ALICE);
    f.comments.delete(byBob.id(), OWNER);

    assertThat(f.videoRow(video).commentCount()).isZero();
  }

  @Test
  void deletingATopLevelCommentTakesItsRepliesAndTheirCount() {
    String video = f.publicVideo();
    StoredComment top = post(video, ALICE, "Top", null);
    post(video, BOB, "r1", top.id());
    post(video, OWNER, "r2", top.id());

    f.comments.delete(top.id(), ALICE);

    assertThat(f.videoRow(video).commentCount()).isZero();
    assertThat(f.store.comments).isEmpty();
  }

  @Test
  void theAuthorEditsWithinTheWindowAndNobodyElseEver() {
    String video = f.publicVideo();
    StoredComment comment = post(video, ALICE, "Typo", null);

    assertCode(() -> f.comments.edit(comment.id(), OWNER, "Hacked"), ErrorCode.FORBIDDEN);
    StoredComment edited = f.comments.edit(comment.id(), ALICE, "Fixed");
    assertThat(edited.text()).isEqualTo("Fixed");
    assertThat(edited.editedAt()).isEqualTo(f.clock.instant());

    f.clock.advance(Fixtures.LIMITS.comment().editWindow().plus(Duration.ofSeconds(1)));
    assertCode(() -> f.comments.edit(comment.id(), ALICE, "Too late"), ErrorCode.FORBIDDEN);
  }

  @Test
  void textIsStoredExactlyAsSent() {
    String html = "<script>alert(1)</script> & <b>bold</b>";
    StoredComment comment = post(f.publicVideo(), ALICE, html, null);

    assertThat(f.store.find(comment.id()).orElseThrow().text()).isEqualTo(html);
  }

  @Test
  void commentingIsRateLimitedPerUser() {
    String video = f.publicVideo();
    int allowed = Fixtures.LIMITS.rateLimit("comment").requests();
    for (int i = 0; i < allowed; i++) {
      post(video, ALICE, "c" + i, null);
    }

    assertCode(() -> post(video, ALICE, "one more", null), ErrorCode.RATE_LIMITED);
  }
}
