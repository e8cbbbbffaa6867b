package dev.kinora.engagement;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.ratelimit.DynamoRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code ENGAGEMENT_TABLE},
 * {@code COMMENTS_TABLE}, {@code VIDEOS_TABLE}, {@code ACCOUNTS_TABLE}, {@code RATE_LIMITS_TABLE}.
 */
public final class Wiring {
  private final Config config;
  private final Clock clock;
  private final Limits limits = Contract.load().limits();
  private DynamoDbClient dynamoDb;
  private RateLimiter rateLimiter;
  private RatingService ratingService;
  private CommentService commentService;

  private Wiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config, Clock.systemUTC());
  }

  public synchronized RatingService ratingService() {
    if (ratingService == null) {
      ratingService =
          new RatingService(
              new DynamoRatingStore(
                  dynamoDb(), config.require("ENGAGEMENT_TABLE"), config.require("VIDEOS_TABLE")),
              videos(),
              rateLimiter(),
              Wiring::jitteredPause,
              clock);
    }
    return ratingService;
  }

  public synchronized CommentService commentService() {
    if (commentService == null) {
      commentService =
          new CommentService(
              new DynamoCommentStore(
                  dynamoDb(),
                  config.require("COMMENTS_TABLE"),
                  config.require("VIDEOS_TABLE"),
                  Wiring::jitteredPause),
              videos(),
              new DynamoAuthorDirectory(dynamoDb(), config.require("ACCOUNTS_TABLE")),
              rateLimiter(),
              limits.comment(),
              new SecureRandom(),
              clock);
    }
    return commentService;
  }

  private VideoDirectory videos() {
    return new DynamoVideoDirectory(dynamoDb(), config.require("VIDEOS_TABLE"));
  }

  private DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = AwsClients.dynamoDb(config);
    }
    return dynamoDb;
  }

  private RateLimiter rateLimiter() {
    if (rateLimiter == null) {
      rateLimiter =
          new RateLimiter(
              limits,
              new DynamoRateLimitCounter(dynamoDb(), config.require("RATE_LIMITS_TABLE")),
              clock);
    }
    return rateLimiter;
  }

  /**
   * Racing writers (one user's concurrent clicks) retry after a random pause that grows with the
   * attempt, so they stop colliding; a few milliseconds each.
   */
  private static void jitteredPause(int attempt) {
    long bound = Math.min(50, 5L * attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
