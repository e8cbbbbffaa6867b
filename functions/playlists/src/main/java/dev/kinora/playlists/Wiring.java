package dev.kinora.playlists;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code PLAYLISTS_TABLE},
 * {@code VIDEOS_TABLE}, {@code ACCOUNTS_TABLE}.
 */
public final class Wiring {
  private final Config config;
  private final Contract contract = Contract.load();
  private DynamoDbClient dynamoDb;

  private Wiring(Config config) {
    this.config = config;
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config);
  }

  Contract contract() {
    return contract;
  }

  PlaylistLimits limits() {
    return PlaylistLimits.from(contract);
  }

  PlaylistService playlistService() {
    return new PlaylistService(
        new DynamoPlaylistStore(dynamoDb(), config.require("PLAYLISTS_TABLE")),
        new DynamoVideoDirectory(
            dynamoDb(), config.require("VIDEOS_TABLE"), config.require("ACCOUNTS_TABLE")),
        limits(),
        new SecureRandom(),
        Clock.systemUTC());
  }

  private synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = AwsClients.dynamoDb(config);
    }
    return dynamoDb;
  }
}
