package dev.kinora.engagement;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.HttpClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.ratelimit.DynamoRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import dev.kinora.shared.realtime.DynamoConnectionStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code ENGAGEMENT_TABLE},
 * {@code COMMENTS_TABLE}, {@code VIDEOS_TABLE}, {@code ACCOUNTS_TABLE}, {@code RATE_LIMITS_TABLE},
 * {@code NOTIFICATIONS_TABLE}; the fan-out also {@code NOTIFICATION_FANOUT_QUEUE_URL} and, for live
 * pushes, {@code CONNECTIONS_TABLE} + {@code REALTIME_ENDPOINT}.
 */
public final class Wiring {
  private final Config config;
  private final Clock clock;
  private final Contract contract = Contract.load();
  private final Limits limits = contract.limits();
  private DynamoDbClient dynamoDb;
  private RateLimiter rateLimiter;
  private RatingService ratingService;
  private CommentService commentService;
  private SubscriptionService subscriptionService;
  private NotificationService notificationService;
  private FanOutService fanOutService;

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

  public synchronized SubscriptionService subscriptionService() {
    if (subscriptionService == null) {
      subscriptionService =
          new SubscriptionService(
              subscriptions(),
              channels(),
              catalog(),
              rateLimiter(),
              Wiring::jitteredPause,
              clock,
              contract.limitInteger("subscription.feedChannels"));
    }
    return subscriptionService;
  }

  public synchronized NotificationService notificationService() {
    if (notificationService == null) {
      notificationService = new NotificationService(notifications(), catalog(), clock);
    }
    return notificationService;
  }

  /**
   * The fan-out (the stream function and the queue's consumer): {@code
   * NOTIFICATION_FANOUT_QUEUE_URL}, and for live pushes {@code CONNECTIONS_TABLE} + {@code
   * REALTIME_ENDPOINT}.
   */
  public synchronized FanOutService fanOutService() {
    if (fanOutService == null) {
      fanOutService =
          new FanOutService(
              subscriptions(),
              notifications(),
              new DynamoAnnouncements(dynamoDb(), config.require("NOTIFICATIONS_TABLE")),
              catalog(),
              new SqsFanOutQueue(sqs(), config.require("NOTIFICATION_FANOUT_QUEUE_URL")),
              pusher(),
              clock,
              contract.limitInteger("subscription.fanOutPageSize"));
    }
    return fanOutService;
  }

  private SubscriptionStore subscriptions() {
    return new DynamoSubscriptionStore(
        dynamoDb(), config.require("ENGAGEMENT_TABLE"), config.require("ACCOUNTS_TABLE"));
  }

  private NotificationStore notifications() {
    return new DynamoNotificationStore(
        dynamoDb(), config.require("NOTIFICATIONS_TABLE"), Wiring::jitteredPause);
  }

  private ChannelDirectory channels() {
    return new DynamoChannelDirectory(dynamoDb(), config.require("ACCOUNTS_TABLE"));
  }

  private VideoCatalog catalog() {
    return new DynamoVideoCatalog(
        dynamoDb(), config.require("VIDEOS_TABLE"), config.require("ACCOUNTS_TABLE"));
  }

  private NotificationPusher pusher() {
    var endpoint = config.find("REALTIME_ENDPOINT");
    if (endpoint.isEmpty()) {
      return NotificationPusher.NOBODY_ONLINE;
    }
    var management =
        ApiGatewayManagementApiClient.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")))
            .endpointOverride(URI.create(endpoint.get()));
    AwsClients.credentialsProvider(config).ifPresent(management::credentialsProvider);
    return new WebSocketNotificationPusher(
        new DynamoConnectionStore(
            dynamoDb(),
            config.require("CONNECTIONS_TABLE"),
            clock,
            limits.realtime().connectionTtl()),
        management.build(),
        contract);
  }

  private SqsClient sqs() {
    var builder =
        SqsClient.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")));
    config.find("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
    AwsClients.credentialsProvider(config).ifPresent(builder::credentialsProvider);
    return builder.build();
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
