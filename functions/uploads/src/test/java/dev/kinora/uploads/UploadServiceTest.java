package dev.kinora.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.UploadInitRequest;
import dev.kinora.shared.model.UploadSession;
import dev.kinora.shared.model.UploadStatus;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoMetadata;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class UploadServiceTest {
  private static final Limits LIMITS = Contract.load().limits();
  private static final long CHUNK = LIMITS.upload().chunkSizeBytes();
  private static final SessionUser ADA = new SessionUser("ac_ada", "ch_ada", "ada", 0);
  private static final SessionUser BOB = new SessionUser("ac_bob", "ch_bob", "bob", 0);
  private static final VideoMetadata METADATA =
      new VideoMetadata(
          "A walk", "In the park", List.of("walk"), List.of("travel"), VideoVisibility.PUBLIC);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:10Z"));
  private final InMemoryUploadStore store = new InMemoryUploadStore();
  private final FakeMultipartStorage storage = new FakeMultipartStorage();
  private final UploadService service =
      new UploadService(
          store,
          storage,
          new RateLimiter(LIMITS, new InMemoryRateLimitCounter(), clock),
          LIMITS,
          new SecureRandom(),
          clock);

  private UploadSession init(SessionUser user, String filename, long size) {
    return service.init(user, new UploadInitRequest(filename, size, "video/mp4"));
  }

  private String multipartOf(UploadSession session) {
    return store.find(session.id()).orElseThrow().multipartUploadId();
  }

  private void putAllParts(UploadSession session) {
    for (int n = 1; n <= session.totalChunks(); n++) {
      storage.putPart(
          multipartOf(session), n, store.find(session.id()).orElseThrow().expectedPartSize(n));
    }
  }

  private static ApiException refusal(ThrowingCallable call) {
    var thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApiException.class);
    return (ApiException) thrown;
  }

  @Test
  void initReservesAnUploadingVideoAndStartsAMultipartUploadUnderTheVideosKey() {
    UploadSession session = init(ADA, "Holiday clip.mp4", 2 * CHUNK + 10);

    assertThat(session.status()).isEqualTo(UploadStatus.ACTIVE);
    assertThat(session.chunkSize()).isEqualTo(CHUNK);
    assertThat(session.totalChunks()).isEqualTo(3);
    assertThat(session.uploadedChunks()).isEmpty();
    assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(LIMITS.upload().sessionTtl()));
    assertThat(session.videoId()).hasSize(LIMITS.video().idLength()).matches("[A-Za-z0-9_-]+");
    var started = storage.started(multipartOf(session));
    assertThat(started.key()).isEqualTo("raw/" + session.videoId() + "/source");
    assertThat(started.contentType()).isEqualTo("video/mp4");
    Video video = store.findVideo(session.videoId()).orElseThrow();
    assertThat(video.status()).isEqualTo(VideoStatus.UPLOADING);
    assertThat(video.channelId()).isEqualTo("ch_ada");
    assertThat(video.title()).isEqualTo("Holiday clip");
  }

  @Test
  void aTraversalFilenameNeverReachesTheStorageKey() {
    UploadSession session = init(ADA, "../../etc/passwd.mp4", 10);

    var started = storage.started(multipartOf(session));
    assertThat(started.key()).isEqualTo("raw/" + session.videoId() + "/source");
    assertThat(started.filename()).isEqualTo("passwd.mp4");
    assertThat(store.findVideo(session.videoId()).orElseThrow().title()).isEqualTo("passwd");
  }

  @Test
  void thePlaceholderTitleIsCutToTheTitleLimit() {
    int max = LIMITS.video().title().max();
    UploadSession session = init(ADA, "x".repeat(max + 20) + ".mp4", 10);

    assertThat(store.findVideo(session.videoId()).orElseThrow().title()).hasSize(max);
  }

  @Test
  void aFileAboveTheLimitIsTooLargeAndNothingIsCreated() {
    var e = refusal(() -> init(ADA, "big.mp4", LIMITS.upload().maxFileSizeBytes() + 1));

    assertThat(e.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
    assertThat(e.getMessage()).contains("5 GiB");
    assertThat(storage.startedCount()).isZero();
  }

  @Test
  void anUnsupportedTypeIsRefused() {
    var e = refusal(() -> service.init(ADA, new UploadInitRequest("a.gif", 10, "image/gif")));

    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void theSixthInitWithinAWindowIsRateLimited() {
    int allowed = LIMITS.rateLimit("uploadInit").requests();
    for (int i = 0; i < allowed; i++) {
      init(ADA, "clip" + i + ".mp4", 10);
    }

    var e = refusal(() -> init(ADA, "one-too-many.mp4", 10));

    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.details().orElseThrow().retryAfterSeconds()).isPositive();
    init(BOB, "bob.mp4", 10); // per user
  }

  @Test
  void presigningAPartBeyondTheLastIsAValidationErrorAtItsPath() {
    UploadSession session = init(ADA, "clip.mp4", 2 * CHUNK);

    var e = refusal(() -> service.presignParts(ADA, session.id(), List.of(1, 3, 2)));

    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    assertThat(e.details().orElseThrow().issues())
        .extracting(issue -> issue.path())
        .containsExactly("/partNumbers/1");
  }

  @Test
  void partUrlsAreValidForTheConfiguredTimeButNeverPastTheSessionsExpiry() {
    UploadSession session = init(ADA, "clip.mp4", 2 * CHUNK);

    var urls = service.presignParts(ADA, session.id(), List.of(2, 1));
    assertThat(urls.parts()).extracting(p -> p.partNumber()).containsExactly(2, 1);
    assertThat(urls.expiresAt()).isEqualTo(clock.instant().plus(LIMITS.upload().presignedUrlTtl()));

    clock.advance(LIMITS.upload().sessionTtl().minusMinutes(10));
    var late = service.presignParts(ADA, session.id(), List.of(1));
    assertThat(storage.presignedFor.getLast()).isEqualTo(Duration.ofMinutes(10));
    assertThat(late.expiresAt()).isEqualTo(session.expiresAt());
  }

  @Test
  void theSessionListsThePartsTheStorageHolds() {
    UploadSession session = init(ADA, "clip.mp4", 3 * CHUNK);
    storage.putPart(multipartOf(session), 3, CHUNK);
    storage.putPart(multipartOf(session), 1, CHUNK);

    assertThat(service.get(ADA, session.id()).uploadedChunks()).containsExactly(1, 3);
  }

  @Test
  void completingMakesTheVideoProcessingWithItsMetadataAndAssemblesTheObject() {
    UploadSession session = init(ADA, "clip.mp4", 2 * CHUNK + 7);
    putAllParts(session);

    Video video = service.complete(ADA, session.id(), METADATA);

    assertThat(video.status()).isEqualTo(VideoStatus.PROCESSING);
    assertThat(video.title()).isEqualTo("A walk");
    assertThat(video.visibility()).isEqualTo(VideoVisibility.PUBLIC);
    assertThat(storage.objectSize("raw/" + session.videoId() + "/source")).hasValue(2 * CHUNK + 7);
    UploadSession after = service.get(ADA, session.id());
    assertThat(after.status()).isEqualTo(UploadStatus.COMPLETED);
    assertThat(after.uploadedChunks()).containsExactly(1, 2, 3);
  }

  @Test
  void completingWithMissingPartsListsThemAscending() {
    UploadSession session = init(ADA, "clip.mp4", 4 * CHUNK);
    storage.putPart(multipartOf(session), 3, CHUNK);
    storage.putPart(multipartOf(session), 1, CHUNK);

    var e = refusal(() -> service.complete(ADA, session.id(), METADATA));

    assertThat(e).isInstanceOf(UploadIncompleteException.class);
    assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_INCOMPLETE);
    assertThat(((UploadIncompleteException) e).missingParts()).containsExactly(2, 4);
    assertThat(service.get(ADA, session.id()).status()).isEqualTo(UploadStatus.ACTIVE);
  }

  @Test
  void completingWhenTheStoredBytesDifferFromTheFileSizeIsIncomplete() {
    UploadSession session = init(ADA, "clip.mp4", CHUNK + 100);
    storage.putPart(multipartOf(session), 1, CHUNK);
    storage.putPart(multipartOf(session), 2, 99);

    var e = refusal(() -> service.complete(ADA, session.id(), METADATA));

    assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_INCOMPLETE);
    assertThat(e.getMessage()).contains("hold " + (CHUNK + 99) + " bytes", "part 2 has 99 bytes");
    assertThat(((UploadIncompleteException) e).missingParts()).isEmpty();
  }

  @Test
  void completingTwiceIsAConflict() {
    UploadSession session = init(ADA, "clip.mp4", 10);
    putAllParts(session);
    service.complete(ADA, session.id(), METADATA);

    assertThat(refusal(() -> service.complete(ADA, session.id(), METADATA)).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void cancellingDeletesTheReservedVideoAndAbortsTheMultipartUpload() {
    UploadSession session = init(ADA, "clip.mp4", 10);

    service.cancel(ADA, session.id());

    assertThat(storage.exists(multipartOf(session))).isFalse();
    assertThat(store.findVideo(session.videoId())).isEmpty();
    assertThat(service.get(ADA, session.id()).status()).isEqualTo(UploadStatus.CANCELLED);
    assertThat(refusal(() -> service.complete(ADA, session.id(), METADATA)).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(refusal(() -> service.cancel(ADA, session.id())).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void aSessionPastItsExpiryIsGoneEvenBeforeTheJobRuns() {
    UploadSession session = init(ADA, "clip.mp4", 10);
    putAllParts(session);
    clock.advance(LIMITS.upload().sessionTtl());

    assertThat(service.get(ADA, session.id()).status()).isEqualTo(UploadStatus.EXPIRED);
    assertThat(refusal(() -> service.complete(ADA, session.id(), METADATA)).code())
        .isEqualTo(ErrorCode.UPLOAD_EXPIRED);
    assertThat(refusal(() -> service.presignParts(ADA, session.id(), List.of(1))).code())
        .isEqualTo(ErrorCode.UPLOAD_EXPIRED);
    assertThat(refusal(() -> service.cancel(ADA, session.id())).code())
        .isEqualTo(ErrorCode.UPLOAD_EXPIRED);
  }

  @Test
  void anotherUsersSessionIsForbiddenOnEveryRoute() {
    UploadSession session = init(ADA, "clip.mp4", 10);
    putAllParts(session);

    assertThat(refusal(() -> service.get(BOB, session.id())).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(() -> service.presignParts(BOB, session.id(), List.of(1))).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(() -> service.complete(BOB, session.id(), METADATA)).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(() -> service.cancel(BOB, session.id())).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(service.get(ADA, session.id()).status()).isEqualTo(UploadStatus.ACTIVE);
  }

  @Test
  void anUnknownUploadIsNotFound() {
    assertThat(refusal(() -> service.get(ADA, "up_nothing")).code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void aRetriedCompletionFinishesOneThatDiedAfterAssemblingTheObject() {
    UploadSession session = init(ADA, "clip.mp4", CHUNK + 1);
    putAllParts(session);
    storage.crashAfterNextComplete();
    assertThatThrownBy(() -> service.complete(ADA, session.id(), METADATA))
        .isInstanceOf(IllegalStateException.class);

    Video video = service.complete(ADA, session.id(), METADATA);

    assertThat(video.status()).isEqualTo(VideoStatus.PROCESSING);
    assertThat(refusal(() -> service.complete(ADA, session.id(), METADATA)).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void theExpiryJobExpiresSessionsPastTheirExpiryAndAbortsTheirUploads() {
    UploadSession old = init(ADA, "old.mp4", 10);
    clock.advance(Duration.ofHours(1));
    UploadSession fresh = init(ADA, "fresh.mp4", 10);
    clock.advance(LIMITS.upload().sessionTtl().minusMinutes(30));

    var sweep = service.expireDue();

    assertThat(sweep.expired()).isEqualTo(1);
    assertThat(storage.aborted).containsExactly(multipartOf(old));
    assertThat(store.find(old.id()).orElseThrow().status()).isEqualTo(UploadStatus.EXPIRED);
    assertThat(store.findVideo(old.videoId())).isEmpty();
    assertThat(store.find(fresh.id()).orElseThrow().status()).isEqualTo(UploadStatus.ACTIVE);
    assertThat(service.expireDue().expired()).isZero();
  }

  @Test
  void theExpiryJobFinishesACompletionThatDiedBeforeAssembling() {
    UploadSession session = init(ADA, "clip.mp4", 10);
    putAllParts(session);
    // The state change happened, then the function died before CompleteMultipartUpload.
    store.complete(store.find(session.id()).orElseThrow(), ADA.userId(), METADATA, clock.instant());

    var sweep = service.expireDue();

    assertThat(sweep.assembled()).isEqualTo(1);
    assertThat(storage.objectSize("raw/" + session.videoId() + "/source")).hasValue(10);
    assertThat(store.find(session.id()).orElseThrow().assembled()).isTrue();
    assertThat(store.findVideo(session.videoId()).orElseThrow().status())
        .isEqualTo(VideoStatus.PROCESSING);
  }

  @Test
  void aRetriedCompletionFinishesOneThatDiedBeforeAssembling() {
    UploadSession session = init(ADA, "clip.mp4", CHUNK + 1);
    putAllParts(session);
    store.complete(store.find(session.id()).orElseThrow(), ADA.userId(), METADATA, clock.instant());

    Video video = service.complete(ADA, session.id(), METADATA);

    assertThat(video.status()).isEqualTo(VideoStatus.PROCESSING);
    assertThat(storage.objectSize("raw/" + session.videoId() + "/source")).hasValue(CHUNK + 1);
  }

  @Test
  void aCompletionWhosePartsVanishedFailsTheVideoWithAReason() {
    UploadSession session = init(ADA, "clip.mp4", 10);
    putAllParts(session);
    store.complete(store.find(session.id()).orElseThrow(), ADA.userId(), METADATA, clock.instant());
    storage.abort("raw/" + session.videoId() + "/source", multipartOf(session));

    var sweep = service.expireDue();

    assertThat(sweep.failed()).isEqualTo(1);
    Video video = store.findVideo(session.videoId()).orElseThrow();
    assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
    assertThat(video.failureReason()).isEqualTo(UploadService.ASSEMBLY_FAILED);
    assertThat(service.expireDue().failed()).as("no longer due").isZero();
  }
}
