package dev.kinora.discovery;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.discovery.ViewBuckets;
import dev.kinora.shared.listing.VideoCards;
import dev.kinora.shared.model.VideoCard;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code DISCOVERY_TABLE},
 * {@code VIDEOS_TABLE}; the API also {@code ACCOUNTS_TABLE}, {@code ENGAGEMENT_TABLE} and {@code
 * WATCH_PROGRESS_TABLE} (the trending job has only the first two).
 */
public final class Wiring {
  private final Config config;
  private final Clock clock;
  private final Contract contract = Contract.load();
  private final DiscoveryLimits limits = DiscoveryLimits.from(contract);
  private DynamoDbClient dynamoDb;

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

  TrendingJob trendingJob() {
    return new TrendingJob(
        new DynamoViewBucketReader(
            dynamoDb(), config.require("DISCOVERY_TABLE"), ViewBuckets.fromContract(contract)),
        catalog(),
        trendingStore(),
        TrendingScore.from(limits.trending()),
        limits.trending(),
        clock);
  }

  TrendingService trendingService() {
    return new TrendingService(trendingStore(), cards());
  }

  FeedService feedService() {
    return new FeedService(
        new DynamoViewerSignals(
            dynamoDb(), config.require("ENGAGEMENT_TABLE"), config.require("WATCH_PROGRESS_TABLE")),
        catalog(),
        trendingStore(),
        new DynamoFeedSnapshots(dynamoDb(), config.require("DISCOVERY_TABLE")),
        cards(),
        limits.feed(),
        clock);
  }

  RelatedService relatedService() {
    return new RelatedService(catalog(), trendingStore(), cards(), limits.related());
  }

  ChannelVideosService channelVideosService() {
    return new ChannelVideosService(
        new DynamoChannelDirectory(dynamoDb(), config.require("ACCOUNTS_TABLE")),
        catalog(),
        cards());
  }

  private VideoCatalog catalog() {
    return new DynamoVideoCatalog(
        dynamoDb(), config.require("VIDEOS_TABLE"), limits.channelMaxReadsPerPage());
  }

  private TrendingStore trendingStore() {
    return new DynamoTrendingStore(dynamoDb(), config.require("DISCOVERY_TABLE"));
  }

  private Cards cards() {
    VideoCards shared =
        new VideoCards(
            dynamoDb(), config.require("VIDEOS_TABLE"), config.require("ACCOUNTS_TABLE"));
    return new Cards() {
      @Override
      public List<VideoCard> byIds(List<String> videoIds) {
        return shared.byIds(videoIds);
      }

      @Override
      public List<VideoCard> fromItems(List<Map<String, AttributeValue>> videoItems) {
        return shared.fromItems(videoItems);
      }
    };
  }

  private synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = AwsClients.dynamoDb(config);
    }
    return dynamoDb;
  }
}
