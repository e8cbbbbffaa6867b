package dev.kinora.videos;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain constructors, once per container. Configuration: {@code VIDEOS_TABLE} (template.yaml gives
 * it).
 */
public final class Wiring {
  private final Config config;
  private final DynamoDbClient dynamoDb;
  private VideoService videoService;

  private Wiring(Config config) {
    this.config = config;
    this.dynamoDb = AwsClients.dynamoDb(config);
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config);
  }

  public synchronized VideoService videoService() {
    if (videoService == null) {
      videoService =
          new VideoService(new DynamoVideoStore(dynamoDb, config.require("VIDEOS_TABLE")));
    }
    return videoService;
  }
}
