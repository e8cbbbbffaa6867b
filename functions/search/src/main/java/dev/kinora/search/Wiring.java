package dev.kinora.search;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.S3Clients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.time.Clock;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code
 * SEARCH_INDEX_BUCKET} (both functions), {@code VIDEOS_TABLE} and {@code ACCOUNTS_TABLE} (search:
 * the cards).
 */
public final class Wiring {
  private final Config config;
  private final Clock clock;
  private final Contract contract = Contract.load();
  private final SearchLimits limits = SearchLimits.from(contract);
  private IndexGenerations generations;

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

  public SearchLimits limits() {
    return limits;
  }

  public SearchService searchService() {
    return new SearchService(
        new PublishedIndex(generations(), limits, clock),
        new DynamoCardSource(
            AwsClients.dynamoDb(config),
            config.require("VIDEOS_TABLE"),
            config.require("ACCOUNTS_TABLE")),
        limits,
        contract.limits().pagination().defaultPageSize(),
        clock);
  }

  public IndexerService indexerService() {
    return new IndexerService(generations(), limits);
  }

  private synchronized IndexGenerations generations() {
    if (generations == null) {
      generations =
          new S3IndexGenerations(
              S3Clients.s3(config), config.require("SEARCH_INDEX_BUCKET"), clock);
    }
    return generations;
  }
}
