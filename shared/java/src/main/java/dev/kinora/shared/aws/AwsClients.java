package dev.kinora.shared.aws;

import dev.kinora.shared.config.Config;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients built from {@link Config}, once per container: the JDK's URL connection HTTP client
 * (no Netty or Apache client to load at cold start), region, credentials and endpoint from the
 * function's environment.
 *
 * <p>Credentials come from Config rather than the SDK's default chain because the local cloud gives
 * each function its environment through Config, not through the process environment; on Lambda the
 * same keys ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN})
 * are the execution role's credentials for the life of the container.
 */
public final class AwsClients {
  private AwsClients() {}

  /**
   * A DynamoDB client; {@code AWS_ENDPOINT_URL_DYNAMODB} (the local cloud) overrides the endpoint.
   */
  public static DynamoDbClient dynamoDb(Config config) {
    var builder =
        DynamoDbClient.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")));
    config.find("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
    credentials(config)
        .map(StaticCredentialsProvider::create)
        .ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  /**
   * The credentials of Config as a provider, for clients built elsewhere (S3, @connections); empty
   * = the SDK's default chain.
   */
  public static Optional<AwsCredentialsProvider> credentialsProvider(Config config) {
    return credentials(config).map(StaticCredentialsProvider::create);
  }

  /** Credentials from Config; empty means the SDK's default chain. */
  static Optional<AwsCredentials> credentials(Config config) {
    var accessKey = config.find("AWS_ACCESS_KEY_ID");
    var secretKey = config.find("AWS_SECRET_ACCESS_KEY");
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        config
            .find("AWS_SESSION_TOKEN")
            .<AwsCredentials>map(
                token -> AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token))
            .orElseGet(() -> AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
  }
}
