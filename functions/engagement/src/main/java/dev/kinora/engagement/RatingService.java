package dev.kinora.engagement;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.metrics.Metrics;
import dev.kinora.shared.model.Rating;
import dev.kinora.shared.model.RatingValue;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.time.Clock;

/**
 * Rating a video: read the caller's current rating, apply the change with the counters in one
 * conditional transaction, and when a concurrent click of the same user won the race, read again
 * and retry from the new state. Counts therefore always equal the number of stored ratings.
 */
public final class RatingService {
  /**
   * One user's many concurrent clicks each need a turn; each retry re-reads, so this bounds work,
   * not correctness.
   */
  static final int MAX_ATTEMPTS = 40;

  private final RatingStore ratings;
  private final VideoDirectory videos;
  private final RateLimiter rateLimiter;
  private final RetryPause pause;
  private final Clock clock;

  /** Waits a little before attempt {@code attempt} (2, 3, …) so racing writers spread out. */
  @FunctionalInterface
  public interface RetryPause {
    void before(int attempt);
  }

  public RatingService(
      RatingStore ratings,
      VideoDirectory videos,
      RateLimiter rateLimiter,
      RetryPause pause,
      Clock clock) {
    this.ratings = ratings;
    this.videos = videos;
    this.rateLimiter = rateLimiter;
    this.pause = pause;
    this.clock = clock;
  }

  /**
   * Sets {@code user}'s rating of the video to {@code value}; the same value again changes nothing.
   *
   * @throws ApiException VIDEO_NOT_FOUND when the caller may not see it, CONFLICT when it is not
   *     ready, RATE_LIMITED past {@code rateLimits.reaction}
   */
  public Rating rate(String videoId, SessionUser user, RatingValue value) {
    VideoRef video = videos.video(videoId).orElseThrow(Refusals::videoNotFound);
    EngagementPolicy.mayEngage(video, user.userId())
        .ifPresent(
            refusal -> {
              throw Refusals.forVideo(refusal);
            });
    rateLimiter.check("reaction", user.userId());
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      var change = new RatingChange(ratings.find(user.userId(), videoId), value);
      RatingStore.Outcome outcome =
          change.changesNothing()
              ? RatingStore.Outcome.APPLIED
              : ratings.apply(user.userId(), videoId, change, clock.instant());
      if (outcome == RatingStore.Outcome.APPLIED && !change.changesNothing()) {
        Metrics.count(Metrics.RATING_WRITES);
      }
      if (outcome == RatingStore.Outcome.APPLIED) {
        VideoRef after = videos.video(videoId).orElseThrow(Refusals::videoNotFound);
        return new Rating(videoId, value, after.likeCount(), after.dislikeCount());
      }
      if (outcome == RatingStore.Outcome.VIDEO_UNAVAILABLE) {
        throw Refusals.videoNotFound();
      }
      // STALE: another click of this user changed the rating first; read it again
    }
    throw new ApiException(
        ErrorCode.CONFLICT, "Your rating is changing too fast; please try again");
  }
}
