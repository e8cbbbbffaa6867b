package dev.kinora.realtime;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.realtime.DynamoConnectionStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code CONNECTIONS_TABLE},
 * {@code VIDEOS_TABLE}, {@code SESSIONS_TABLE} (read through the accounts context's own wiring).
 */
public final class Wiring {
  private final Config config;
  private final Clock clock = Clock.systemUTC();
  private final Contract contract = Contract.load();
  private final DynamoDbClient dynamoDb;
  private RealtimeService realtimeService;

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

  public Contract contract() {
    return contract;
  }

  public synchronized RealtimeService realtimeService() {
    if (realtimeService == null) {
      Limits.RealtimeLimits limits = contract.limits().realtime();
      realtimeService =
          new RealtimeService(
              new AccountSessions(dev.kinora.accounts.Wiring.from(config).sessionService()),
              new DynamoVideoOwners(dynamoDb, config.require("VIDEOS_TABLE")),
              new DynamoConnectionStore(
                  dynamoDb, config.require("CONNECTIONS_TABLE"), clock, limits.connectionTtl()),
              clock,
              limits.connectionTtl(),
              limits.maxSubscriptionsPerConnection());
    }
    return realtimeService;
  }
}
