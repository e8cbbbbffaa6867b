package dev.kinora.moderation;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.ratelimit.DynamoRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code MODERATION_TABLE},
 * {@code VIDEOS_TABLE}, {@code COMMENTS_TABLE}, {@code RATE_LIMITS_TABLE}.
 */
public final class Wiring {
  private final Config config;
  private final Clock clock;
  private ModerationService moderationService;

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

  public synchronized ModerationService moderationService() {
    if (moderationService == null) {
      Contract contract = Contract.load();
      var dynamoDb = AwsClients.dynamoDb(config);
      moderationService =
          new ModerationService(
              new DynamoModerationStore(
                  dynamoDb,
                  config.require("MODERATION_TABLE"),
                  config.require("VIDEOS_TABLE"),
                  config.require("COMMENTS_TABLE"),
                  contract.limitInteger("moderation.closeBatchSize")),
              new RateLimiter(
                  contract.limits(),
                  new DynamoRateLimitCounter(dynamoDb, config.require("RATE_LIMITS_TABLE")),
                  clock),
              new ModerationService.Limits(
                  contract.limitInteger("moderation.previewLength"),
                  contract.limitInteger("moderation.auditPageSize")),
              new SecureRandom(),
              clock);
    }
    return moderationService;
  }
}
