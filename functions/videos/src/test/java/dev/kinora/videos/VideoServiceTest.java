package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoUpdateRequest;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.model.WatchProgressUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class VideoServiceTest {
  private static final SessionUser OWNER =
      new SessionUser(SampleVideos.OWNER, SampleVideos.OWNER_CHANNEL, "owner", 0);
  private static final SessionUser SOMEONE_ELSE =
      new SessionUser("other-account", "other-channel", "other", 0);
  private static final SessionUser AN_ADMIN =
      new SessionUser("admin-account", "admin-channel", "mod", 0, Set.of(SessionUser.ADMIN));

  private final InMemoryVideoStore store = new InMemoryVideoStore();
  private final InMemoryPlayback playback = new InMemoryPlayback();
  private final VideoService service =
      InMemoryPlayback.service(store, playback, SampleVideos.CREATED);

  /** Who is asking. */
  enum Caller {
    OWNER_OF_THE_VIDEO(Optional.of(OWNER)),
    ANOTHER_USER(Optional.of(SOMEONE_ELSE)),
    AN_ADMIN_WHO_DOES_NOT_OWN_IT(Optional.of(AN_ADMIN)),
    ANONYMOUS(Optional.empty());

    final Optional<SessionUser> user;

    Caller(Optional<SessionUser> user) {
      this.user = user;
    }
  }

  /** Every visibility × status × caller, with whether the caller may see the video. */
  static Stream<Arguments> everyCase() {
    List<Arguments> cases = new ArrayList<>();
    for (VideoVisibility visibility : VideoVisibility.values()) {
      for (VideoStatus status : VideoStatus.values()) {
        for (Caller caller : Caller.values()) {
          boolean visible =
              caller == Caller.OWNER_OF_THE_VIDEO
                  || (status == VideoStatus.READY && visibility != VideoVisibility.PRIVATE)
                  || (caller == Caller.AN_ADMIN_WHO_DOES_NOT_OWN_IT
                      && status == VideoStatus.BLOCKED);
          cases.add(Arguments.of(visibility, status, caller, visible));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} video, {2} → visible: {3}")
  @MethodSource("everyCase")
  void onlyTheOwnerSeesPrivateOrUnfinishedVideos(
      VideoVisibility visibility, VideoStatus status, Caller caller, boolean visible) {
    store.put(SampleVideos.video("Abc123_-xyZ", visibility, status));

    if (visible) {
      assertThat(service.find("Abc123_-xyZ", caller.user).status()).isEqualTo(status);
    } else {
      assertThatThrownBy(() -> service.find("Abc123_-xyZ", caller.user))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VIDEO_NOT_FOUND));
    }
  }

  @Test
  void aHiddenVideoAnswersExactlyLikeAMissingOne() {
    store.put(SampleVideos.video("Private0001", VideoVisibility.PRIVATE, VideoStatus.READY));

    var hidden = catchApiException(() -> service.find("Private0001", Optional.of(SOMEONE_ELSE)));
    var missing = catchApiException(() -> service.find("Missing0001", Optional.of(SOMEONE_ELSE)));

    assertThat(hidden.code()).isEqualTo(missing.code()).isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(hidden.getMessage()).isEqualTo(missing.getMessage());
  }

  @Test
  void theOwnerSeesWhyTheirVideoWasBlocked() {
    store.put(SampleVideos.video("Blocked0001", VideoVisibility.PUBLIC, VideoStatus.BLOCKED));

    var video = service.find("Blocked0001", Optional.of(OWNER)).toApi();

    assertThat(video.status()).isEqualTo(VideoStatus.BLOCKED);
    assertThat(video.failureReason()).isEqualTo("Removed for violating the community guidelines");
  }

  @Test
  void anAdminReviewsABlockedVideoWithItsReasonButNothingMoreThanAnyone() {
    store.put(SampleVideos.video("Blocked0001", VideoVisibility.PUBLIC, VideoStatus.BLOCKED));
    store.put(SampleVideos.video("Private0001", VideoVisibility.PRIVATE, VideoStatus.READY));

    var detail = service.detail("Blocked0001", Optional.of(AN_ADMIN));

    assertThat(detail.video().toApi().status()).isEqualTo(VideoStatus.BLOCKED);
    assertThat(detail.video().toApi().failureReason())
        .isEqualTo("Removed for violating the community guidelines");
    assertThat(detail.viewer().isOwner()).isFalse();
    // reviewing is reading: no progress, no view, no edit, and nobody's private video
    var progress =
        catchApiException(
            () ->
                service.saveProgress(
                    "Blocked0001", AN_ADMIN.userId(), new WatchProgressUpdate(1.0, 10.0)));
    assertThat(progress.code()).isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(
            catchApiException(
                    () -> service.recordView("Blocked0001", Viewer.signedIn(AN_ADMIN.userId()), 60))
                .code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(catchApiException(() -> service.delete("Blocked0001", AN_ADMIN.userId())).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(catchApiException(() -> service.detail("Private0001", Optional.of(AN_ADMIN))).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
  }

  @Test
  void theOwnerSeesWhyProcessingFailed() {
    store.put(SampleVideos.video("Failed00001", VideoVisibility.PUBLIC, VideoStatus.FAILED));

    assertThat(service.find("Failed00001", Optional.of(OWNER)).toApi().failureReason())
        .isEqualTo("We could not read this file as a video");
  }

  @Test
  void policyExplainsEveryRefusal() {
    var processing =
        SampleVideos.video("Process0001", VideoVisibility.PUBLIC, VideoStatus.PROCESSING);
    var privateReady =
        SampleVideos.video("Private0001", VideoVisibility.PRIVATE, VideoStatus.READY);

    assertThat(ViewingPolicy.decide(processing, null))
        .isInstanceOfSatisfying(
            ViewingPolicy.Refused.class, r -> assertThat(r.reason()).contains("PROCESSING"));
    assertThat(ViewingPolicy.decide(privateReady, "other-account"))
        .isInstanceOfSatisfying(
            ViewingPolicy.Refused.class, r -> assertThat(r.reason()).contains("private"));
  }

  private static VideoUpdateRequest visibility(VideoVisibility visibility) {
    return new VideoUpdateRequest(null, null, null, null, visibility);
  }

  /** A ready video whose poster is stored where its row says. */
  private StoredVideo readyWithPoster(String id, VideoVisibility visibility) {
    StoredVideo video = SampleVideos.video(id, visibility, VideoStatus.READY);
    store.put(video);
    playback.mediaObjects.add(video.thumbnailUrl().substring(1));
    return video;
  }

  @ParameterizedTest(name = "{0} → private")
  @EnumSource(
      value = VideoVisibility.class,
      names = {"PUBLIC", "UNLISTED"})
  void makingAVideoPrivateMovesItsPosterToANewUnguessableKey(VideoVisibility was) {
    StoredVideo before = readyWithPoster("Poster00001", was);
    String oldKey = before.thumbnailUrl().substring(1);

    StoredVideo after =
        service.update("Poster00001", OWNER.userId(), visibility(VideoVisibility.PRIVATE));

    assertThat(after.thumbnailUrl())
        .isNotEqualTo(before.thumbnailUrl())
        .matches("/media/Poster00001/poster-[A-Za-z0-9_-]{22}\\.jpg");
    assertThat(store.find("Poster00001").orElseThrow().thumbnailUrl())
        .isEqualTo(after.thumbnailUrl());
    assertThat(playback.mediaObjects).containsExactly(after.thumbnailUrl().substring(1));
    assertThat(playback.invalidated).containsExactly("/" + oldKey);
  }

  @Test
  void editsThatDoNotMakeAVideoPrivateLeaveItsPosterWhereItIs() {
    StoredVideo before = readyWithPoster("Poster00002", VideoVisibility.PUBLIC);

    service.update("Poster00002", OWNER.userId(), visibility(VideoVisibility.UNLISTED));
    service.update(
        "Poster00002", OWNER.userId(), new VideoUpdateRequest("New", null, null, null, null));

    assertThat(store.find("Poster00002").orElseThrow().thumbnailUrl())
        .isEqualTo(before.thumbnailUrl());
    assertThat(playback.invalidated).isEmpty();
  }

  @Test
  void savingAPrivateVideoAgainDoesNotMoveItsPoster() {
    StoredVideo before = readyWithPoster("Poster00003", VideoVisibility.PRIVATE);

    service.update("Poster00003", OWNER.userId(), visibility(VideoVisibility.PRIVATE));

    assertThat(store.find("Poster00003").orElseThrow().thumbnailUrl())
        .isEqualTo(before.thumbnailUrl());
  }

  @Test
  void aVideoStillProcessingBecomesPrivateWithoutAPosterToMove() {
    store.put(SampleVideos.video("Poster00004", VideoVisibility.PUBLIC, VideoStatus.PROCESSING));

    StoredVideo after =
        service.update("Poster00004", OWNER.userId(), visibility(VideoVisibility.PRIVATE));

    assertThat(after.visibility()).isEqualTo(VideoVisibility.PRIVATE);
    assertThat(after.thumbnailUrl()).isNull();
    assertThat(playback.invalidated).isEmpty();
  }

  private static ApiException catchApiException(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected an ApiException");
  }
}
