package dev.kinora.engagement;

import static dev.kinora.engagement.Fixtures.ALICE;
import static dev.kinora.engagement.Fixtures.BOB;
import static dev.kinora.engagement.Fixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.Rating;
import dev.kinora.shared.model.RatingValue;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RatingServiceTest {
  private final Fixtures f = new Fixtures();

  @Test
  void likingTwiceCountsOnce() {
    String video = f.publicVideo();

    f.ratings.rate(video, ALICE, RatingValue.LIKE);
    Rating second = f.ratings.rate(video, ALICE, RatingValue.LIKE);

    assertThat(second).isEqualTo(new Rating(video, RatingValue.LIKE, 1, 0));
  }

  @Test
  void switchingToDislikeMovesTheVoteAndNoneRemovesIt() {
    String video = f.publicVideo();
    f.ratings.rate(video, ALICE, RatingValue.LIKE);
    f.ratings.rate(video, BOB, RatingValue.LIKE);

    assertThat(f.ratings.rate(video, ALICE, RatingValue.DISLIKE))
        .isEqualTo(new Rating(video, RatingValue.DISLIKE, 1, 1));
    assertThat(f.ratings.rate(video, ALICE, RatingValue.NONE))
        .isEqualTo(new Rating(video, RatingValue.NONE, 1, 0));
  }

  @Test
  void aPrivateVideoOfSomeoneElseIsNotFoundAndUntouched() {
    String video = f.video(VideoVisibility.PRIVATE, VideoStatus.READY);

    assertThatThrownBy(() -> f.ratings.rate(video, ALICE, RatingValue.LIKE))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(f.videoRow(video).likeCount()).isZero();
  }

  @Test
  void theOwnerCanRateTheirPrivateVideoButNotOneStillProcessing() {
    String ready = f.video(VideoVisibility.PRIVATE, VideoStatus.READY);
    String processing = f.video(VideoVisibility.PUBLIC, VideoStatus.PROCESSING);

    assertThat(f.ratings.rate(ready, OWNER, RatingValue.LIKE).likeCount()).isEqualTo(1);
    assertThatThrownBy(() -> f.ratings.rate(processing, OWNER, RatingValue.LIKE))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
    assertThatThrownBy(() -> f.ratings.rate(processing, ALICE, RatingValue.LIKE))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
  }

  @Test
  void whenAConcurrentClickWinsTheServiceReReadsAndAppliesFromTheNewState() {
    String video = f.publicVideo();
    AtomicInteger applies = new AtomicInteger();
    // The first apply finds that another click of Alice's (a like) got in first.
    RatingStore racing =
        new RatingStore() {
          @Override
          public RatingValue find(String userId, String videoId) {
            return f.store.find(userId, videoId);
          }

          @Override
          public Outcome apply(String userId, String videoId, RatingChange change, Instant at) {
            if (applies.getAndIncrement() == 0) {
              f.store.apply(
                  userId, videoId, new RatingChange(RatingValue.NONE, RatingValue.LIKE), at);
              return f.store.apply(userId, videoId, change, at);
            }
            return f.store.apply(userId, videoId, change, at);
          }
        };
    var service = new RatingService(racing, f.store, f.rateLimiter, attempt -> {}, f.clock);

    Rating rating = service.rate(video, ALICE, RatingValue.DISLIKE);

    assertThat(applies.get()).isEqualTo(2);
    assertThat(rating).isEqualTo(new Rating(video, RatingValue.DISLIKE, 0, 1));
  }

  @Test
  void ratingIsRateLimitedPerUser() {
    String video = f.publicVideo();
    int allowed = Fixtures.LIMITS.rateLimit("reaction").requests();
    for (int i = 0; i < allowed; i++) {
      f.ratings.rate(video, ALICE, i % 2 == 0 ? RatingValue.LIKE : RatingValue.NONE);
    }

    assertThatThrownBy(() -> f.ratings.rate(video, ALICE, RatingValue.LIKE))
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(f.ratings.rate(video, BOB, RatingValue.LIKE).value()).isEqualTo(RatingValue.LIKE);
  }
}
